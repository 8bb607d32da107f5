package dev.bpkeeper.edge;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closes the embedded DynamoDB when the app stops, after everything else that stops has (the queue hands its
 * jobs back, dead letters are stored): storage is what they need to lose nothing.
 */
@Singleton
public class StorageClosesLast {
    /** After every other observer of the stop. */
    static final int LAST = Integer.MAX_VALUE;
    private static final AtomicReference<AutoCloseable> STORAGE = new AtomicReference<>();

    static void closeAtStop(AutoCloseable storage) {
        STORAGE.set(storage);
    }

    void onStop(@Observes @Priority(LAST) ShutdownEvent event) throws Exception {
        AutoCloseable storage = STORAGE.getAndSet(null);
        if (storage != null) {
            storage.close();
        }
    }
}
