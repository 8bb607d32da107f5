package dev.bpkeeper.edge;

import dev.bpkeeper.edge.cli.EvaluateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point of the local artifact.
 * <ul>
 * <li>{@code serve} (the default): the whole app, HTTP and the embedded DynamoDB.</li>
 * <li>{@code evaluate [PATH]}: one report on stdout, then exit; opens no port and starts no database, so it
 * can run beside a server and be piped.</li>
 * </ul>
 */
@QuarkusMain
public class Main implements QuarkusApplication {
    static final String USAGE = """
            Usage: java -jar quarkus-run.jar <command> [options]

            Commands:
              serve                      run the GitHub App (HTTP on port 8080, embedded DynamoDB by default)
              evaluate [PATH] [--format text|json|bestpractices-json]
                                         evaluate a directory or git checkout (default: the current directory)
              help                       show this help
            """;

    /** Built only when run: it loads the criteria catalogue, which `serve` would otherwise pay for before HTTP opens. */
    @Inject
    Instance<EvaluateCommand> evaluateCommand;

    public static void main(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (!command.equals("serve")) {
            // Decided before Quarkus starts: a one-shot command must not bind a port or log its start-up.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
            System.setProperty("bpkeeper.store.create-tables", "false");
            System.setProperty("bpkeeper.queue.resume-at-start", "false");
        } else {
            startEmbeddedDynamoDbUnlessConfigured();
            readLocalAppCredentialsUnlessConfigured();
        }
        Quarkus.run(Main.class, args);
    }

    /**
     * With no DynamoDB endpoint configured, run DynamoDB Local in this JVM, keeping data under
     * ~/.bpkeeper/dynamodb (or in memory with bpkeeper.dynamodb.data-dir=memory). Set
     * bpkeeper.dynamodb.embedded=false to use AWS's DynamoDB through the default credentials chain.
     */
    static void startEmbeddedDynamoDbUnlessConfigured() {
        if (setting("quarkus.dynamodb.endpoint-override") != null
                || "false".equalsIgnoreCase(setting("bpkeeper.dynamodb.embedded"))) {
            return;
        }
        String dataDir = setting("bpkeeper.dynamodb.data-dir");
        java.nio.file.Path path = null;
        if (!"memory".equals(dataDir)) {
            path = java.nio.file.Path.of(dataDir != null ? dataDir
                    : System.getProperty("user.home") + "/.bpkeeper/dynamodb");
            try {
                java.nio.file.Files.createDirectories(path);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create " + path, e);
            }
        }
        String port = setting("bpkeeper.dynamodb.port");
        // Started beside Quarkus rather than before it, so that the two start-ups overlap. Logging is set up here
        // first: DynamoDB Local's logging (log4j over JBoss LogManager) and Quarkus's would otherwise initialise it
        // from two threads at once, and deadlock on its class initialisation.
        java.util.logging.LogManager.getLogManager();
        // Stopped by StorageClosesLast, after the queue has stopped: a JVM shutdown hook of its own would run
        // beside Quarkus's and close the storage under jobs still being kept or dead-lettered.
        EmbeddedDynamoDb db = EmbeddedDynamoDb.startInBackground(port == null ? 0 : Integer.parseInt(port), path);
        StorageClosesLast.closeAtStop(db);
        System.setProperty("quarkus.dynamodb.endpoint-override", db.endpoint());
        System.setProperty("quarkus.dynamodb.aws.credentials.type", "static");
        System.setProperty("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", db.accessKeyId());
        System.setProperty("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key",
                db.secretAccessKey());
        System.err.println("Embedded DynamoDB Local at " + db.endpoint() + ", loopback only"
                + (path == null ? " (in memory)" : " (data in " + path + ")"));
    }

    /**
     * `serve` reads the App's credentials from the file /setup writes (~/.bpkeeper/github-app.json) unless another
     * file or a Secrets Manager secret is configured; environment variables still win (AppCredentialsSourceFactory).
     */
    static void readLocalAppCredentialsUnlessConfigured() {
        if (setting("bpkeeper.app-credentials.file") == null && setting("bpkeeper.app-credentials.secret-id") == null) {
            System.setProperty("bpkeeper.app-credentials.file", dev.bpkeeper.edge.config.AppCredentialsFile.DEFAULT);
        }
    }

    /** A setting from a system property or its environment-variable spelling, read before Quarkus starts. */
    static String setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public int run(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve":
                Quarkus.waitForExit();
                return 0;
            case "evaluate":
                return new CommandLine(evaluateCommand.get()).setCaseInsensitiveEnumValuesAllowed(true).execute(rest);
            case "help", "-h", "--help":
                System.out.print(USAGE);
                return 0;
            default:
                PrintStream err = System.err;
                err.println("Unknown command '" + command + "'.");
                err.print(USAGE);
                return 2;
        }
    }
}
