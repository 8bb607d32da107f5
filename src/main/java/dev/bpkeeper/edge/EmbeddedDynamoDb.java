package dev.bpkeeper.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Amazon's DynamoDB Local, run in this JVM, as the default store when no DynamoDB endpoint is configured: a new
 * user sees the whole app work with no AWS account. Loaded by reflection because the Lambda build ships without
 * it.
 * <p>
 * DynamoDB Local authenticates no one: whoever reaches its port can read, forge or delete every result. It is
 * therefore bound to loopback only (its own launcher binds every interface and has no option for it), and the app
 * talks to it with an access key made up for this start rather than a well-known constant.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final java.util.concurrent.CompletableFuture<Object> server;
    private final int port;
    private final String accessKeyId = randomAlphanumeric(20);
    private final String secretAccessKey = randomAlphanumeric(40);

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
            bindToLoopback(server);
            server.getClass().getMethod("start").invoke(server);
            return server;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DynamoDB Local is not in this build; configure quarkus.dynamodb."
                    + "endpoint-override to use another DynamoDB", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DynamoDB Local failed to start: " + rootMessage(e), e);
        }
    }

    /**
     * DynamoDBProxyServer builds a Jetty server listening on every interface; before it starts, its one connector
     * is told to listen on loopback only. Fails rather than start an open database if that shape ever changes.
     */
    private static void bindToLoopback(Object proxyServer) throws ReflectiveOperationException {
        Field field = proxyServer.getClass().getDeclaredField("server");
        field.setAccessible(true);
        Object jetty = field.get(proxyServer);
        Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
        if (connectors.length == 0) {
            throw new NoSuchMethodException("DynamoDB Local has no connector to bind to loopback");
        }
        for (Object connector : connectors) {
            connector.getClass().getMethod("setHost", String.class).invoke(connector,
                    InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    /** The access key to use with this start's database (DynamoDB Local does not check it; see the class). */
    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    private static String randomAlphanumeric(int length) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return out.toString();
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
