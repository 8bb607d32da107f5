package dev.bpkeeper.edge;

import dev.bpkeeper.edge.cli.EvaluateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
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

    @Inject
    EvaluateCommand evaluateCommand;

    public static void main(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (!command.equals("serve")) {
            // Decided before Quarkus starts: a one-shot command must not bind a port or log its start-up.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
        }
        Quarkus.run(Main.class, args);
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
                return new CommandLine(evaluateCommand).setCaseInsensitiveEnumValuesAllowed(true).execute(rest);
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
