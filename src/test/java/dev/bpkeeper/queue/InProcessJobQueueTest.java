package dev.bpkeeper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InProcessJobQueueTest {

    private static InProcessJobQueue queue(Duration first, Duration max) {
        InProcessJobQueue queue = new InProcessJobQueue();
        queue.config = TestQueueConfig.inProcess(first, max);
        return queue;
    }

    @Test
    void aDeadLetterThatStorageRefusesIsKeptAndStoredOnceStorageIsBack() {
        InProcessJobQueue queue = queue(Duration.ofMillis(5), Duration.ofMillis(20));
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(3);
        java.util.List<String> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
        queue.deadLetters = new dev.bpkeeper.act.store.DeadLetters() {
            @Override
            public void record(dev.bpkeeper.intake.Job job, String reason) {
                if (refusals.getAndDecrement() > 0) {
                    throw new dev.bpkeeper.act.store.StorageException("DynamoDB is unreachable", null);
                }
                stored.add(job.repository() + ": " + reason);
            }
        };
        queue.handler = job -> {
            throw new JobHandler.RetryableException("DynamoDB is unreachable", Duration.ZERO, null);
        };
        queue.start();

        queue.submit(java.util.List.of(dev.bpkeeper.intake.Job.evaluate(7, "acme/widget", "abc", null, "push", 0,
                "d-1")));

        dev.bpkeeper.testing.Eventually.get(() -> stored, s -> !s.isEmpty(), Duration.ofSeconds(10),
                "the dead letter stored");
        dev.bpkeeper.testing.Eventually.get(queue::pending, n -> n == 0, Duration.ofSeconds(10), "nothing pending");
        assertThat(stored).containsExactly("acme/widget: gave up after 6 attempts: DynamoDB is unreachable");
        assertThat(refusals.get()).as("storage refused three times first").isNegative();
    }
}
