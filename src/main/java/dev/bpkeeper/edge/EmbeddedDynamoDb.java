package dev.bpkeeper.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Amazon's DynamoDB Local, run in this JVM, as the default store when no DynamoDB endpoint is configured: a new
 * user sees the whole app work with no AWS account. Loaded by reflection because the Lambda build ships without
 * it.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private final java.util.concurrent.CompletableFuture<Object> server;
    private final int port;

    private EmbeddedDynamoDb(java.util.concurrent.CompletableFuture<Object> server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts DynamoDB Local on loopback on a thread of its own and returns at once with its endpoint, so that the
     * app starts meanwhile (the tables wait for it to answer). If it cannot start, the JVM exits with the reason:
     * the app cannot work without it.
     *
     * @param port 0 for any free port
     * @param dataDirectory where to keep data between runs, or null to keep it in memory
     */
    public static EmbeddedDynamoDb startInBackground(int port, Path dataDirectory) {
        int chosen = port == 0 ? freePort() : port;
        java.util.concurrent.CompletableFuture<Object> server = new java.util.concurrent.CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.complete(startServer(chosen, dataDirectory));
            } catch (RuntimeException e) {
                server.completeExceptionally(e);
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }, "dynamodb-local-start");
        starter.setDaemon(true);
        starter.start();
        return new EmbeddedDynamoDb(server, chosen);
    }

    /**
     * Starts DynamoDB Local on loopback.
     *
     * @param port 0 for any free port
     * @param dataDirectory where to keep data between runs, or null to keep it in memory
     */
    public static EmbeddedDynamoDb start(int port, Path dataDirectory) {
        int chosen = port == 0 ? freePort() : port;
        return new EmbeddedDynamoDb(java.util.concurrent.CompletableFuture.completedFuture(
                startServer(chosen, dataDirectory)), chosen);
    }

    private static Object startServer(int chosen, Path dataDirectory) {
        String[] args = dataDirectory == null
                ? new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(chosen)}
                : new String[] {"-sharedDb", "-dbPath", dataDirectory.toString(), "-disableTelemetry", "-port",
                        Integer.toString(chosen)};
        try {
            Class<?> runner = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner", true,
                    Thread.currentThread().getContextClassLoader());
            Object server = runner.getMethod("createServerFromCommandLineArgs", String[].class)
                    .invoke(null, (Object) args);
            server.getClass().getMethod("start").invoke(server);
            return server;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DynamoDB Local is not in this build; configure quarkus.dynamodb."
                    + "endpoint-override to use another DynamoDB", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DynamoDB Local failed to start: " + rootMessage(e), e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            Object running = server.join();
            running.getClass().getMethod("stop").invoke(running);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Stopping happens at shutdown; there is nothing left to protect.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for DynamoDB Local", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
