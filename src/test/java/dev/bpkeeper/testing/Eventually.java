package dev.bpkeeper.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for asynchronous work (the job queue) with a bound, instead of sleeping a fixed time. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T get(Supplier<T> value, java.util.function.Predicate<T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last seen: " + current);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            current = value.get();
        }
        return current;
    }
}
