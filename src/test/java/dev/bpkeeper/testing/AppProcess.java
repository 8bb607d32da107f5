package dev.bpkeeper.testing;

import dev.bpkeeper.intake.SignatureVerifier;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar serve}) as a process of its own, as a
 * user runs it: embedded DynamoDB keeping its data in a directory, HTTP on a free loopback port, GitHub replaced by
 * the fake. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the same data directory.
 */
public final class AppProcess implements AutoCloseable {
    /** Built by the package phase; the process tests run after it (see the pom's process-tests execution). */
    static final Path JAR = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));

    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Path> logs = new ArrayList<>();
    private Process process;

    private AppProcess(Path dataDir, Map<String, String> environment, int port) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = port;
    }

    /** The settings of {@code serve} against the fake GitHub, the app registered as {@link FakeGitHubResource#APP_ID}. */
    public static AppProcess of(FakeGitHub github, String privateKeyPem, Path dataDir, Map<String, String> more) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after the package phase ("
                    + "./mvnw verify), or after ./mvnw package -DskipTests");
        }
        int port = freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "BPKEEPER_DYNAMODB_DATA_DIR", dataDir.resolve("dynamodb").toString(),
                "BPKEEPER_APP_CREDENTIALS_FILE", dataDir.resolve("no-credentials-file.json").toString(),
                "GITHUB_APP_ID", Long.toString(FakeGitHubResource.APP_ID),
                "GITHUB_PRIVATE_KEY", privateKeyPem,
                "GITHUB_WEBHOOK_SECRET", Deliveries.SECRET,
                "GITHUB_API_URL", github.baseUrl(),
                "GITHUB_GRAPHQL_URL", github.baseUrl() + "/graphql"));
        env.putAll(Map.of("BPKEEPER_QUEUE_FIRST_BACKOFF", "PT0.05S", "BPKEEPER_QUEUE_MAX_BACKOFF", "PT0.2S",
                "GITHUB_REQUEST_TIMEOUT", "PT10S", "HOME", dataDir.toString()));
        env.putAll(more);
        return new AppProcess(dataDir, env, port);
    }

    public Path dynamoDbData() {
        return dataDir.resolve("dynamodb");
    }

    /** Starts the app and returns once it answers HTTP. */
    public AppProcess start() throws IOException {
        Path log = dataDir.resolve("app-" + (logs.size() + 1) + ".log");
        logs.add(log);
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(),
                "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited at start:\n" + log());
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(base() + "/badge/nobody/nothing.svg"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return this;
            } catch (IOException notYet) {
                pause(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The app did not answer within 60 s:\n" + log());
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends a signed delivery and returns its status. */
    public int deliver(String event, String deliveryId, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/webhook")).header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", new SignatureVerifier(Deliveries.SECRET).sign(body))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** SIGKILL: no shutdown hook, nothing flushed; what was not on disk is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits up to {@code patience}; returns how long the process took to exit (or null if it did not). */
    public Duration terminate(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        return exited ? Duration.ofNanos(System.nanoTime() - start) : null;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Everything the current (or last) process wrote. */
    public String log() {
        try {
            return logs.isEmpty() ? "" : Files.readString(logs.get(logs.size() - 1));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                // The process was sent SIGKILL already; the interrupt is kept for whoever closes us.
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
