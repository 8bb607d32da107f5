package dev.bpkeeper.testing;

import dev.bpkeeper.edge.EmbeddedDynamoDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * DynamoDB Local that a test can stop and start again mid-run, on the same port and with the same data (kept in a
 * temporary directory, as a real DynamoDB keeps it across an outage).
 */
public class RestartableDynamoDbResource implements QuarkusTestResourceLifecycleManager {
    private static volatile EmbeddedDynamoDb db;
    private static volatile int port;
    private static volatile Path data;
    private static volatile ServerSocket silent;

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("bpkeeper-dynamodb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = EmbeddedDynamoDb.start(0, data);
        port = URI.create(db.endpoint()).getPort();
        return Map.of("quarkus.dynamodb.endpoint-override", db.endpoint());
    }

    /** The outage begins: every call is refused until {@link #startAgain()}. */
    public static synchronized void stopNow() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /**
     * A worse outage: the endpoint still takes connections (the operating system completes them) but nothing ever
     * answers, as when DynamoDB's host stalls; every call waits for its timeout until {@link #startAgain()}.
     */
    public static synchronized void hangNow() {
        stopNow();
        try {
            silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hold port " + port, e);
        }
    }

    /** The outage ends: the same endpoint answers again with the data it had. */
    public static synchronized void startAgain() {
        if (silent != null) {
            try {
                silent.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            silent = null;
        }
        if (db == null) {
            db = EmbeddedDynamoDb.start(port, data);
        }
    }

    @Override
    public void stop() {
        stopNow();
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind harms nothing
            }
        }
    }
}
