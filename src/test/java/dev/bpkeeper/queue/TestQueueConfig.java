package dev.bpkeeper.queue;

import java.time.Duration;
import java.util.Optional;

/** Queue settings for tests that build a queue without Quarkus. */
record TestQueueConfig(String kind, Optional<String> sqsUrl, Optional<String> sqsDeadLetterUrl, int maxAttempts,
                       Duration firstBackoff, Duration maxBackoff) implements QueueConfig {

    static TestQueueConfig inProcess(Duration firstBackoff, Duration maxBackoff) {
        return new TestQueueConfig("in-process", Optional.empty(), Optional.empty(), 6, firstBackoff, maxBackoff);
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public Duration stopGrace() {
        return Duration.ofSeconds(1);
    }

    @Override
    public boolean resumeAtStart() {
        return true;
    }
}
