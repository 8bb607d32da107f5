package dev.bpkeeper.testing.fakegithub;

import java.util.concurrent.atomic.AtomicLong;

/** One counter for every numeric id the fake hands out, so ids never collide across kinds, like GitHub's. */
final class Ids {
    private final AtomicLong next = new AtomicLong(4_200_000);

    long next() {
        return next.incrementAndGet();
    }
}
