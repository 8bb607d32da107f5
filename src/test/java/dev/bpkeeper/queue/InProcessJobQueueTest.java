package dev.bpkeeper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InProcessJobQueueTest {

    private static InProcessJobQueue queue() {
        return queue(Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    private static InProcessJobQueue queue(Duration first, Duration max) {
        InProcessJobQueue queue = new InProcessJobQueue();
        queue.config = new QueueConfig() {
            @Override
            public String kind() {
                return "in-process";
            }

            @Override
            public java.util.Optional<String> sqsUrl() {
                return java.util.Optional.empty();
            }

            @Override
            public int workers() {
                return 1;
            }

            @Override
            public int maxAttempts() {
                return 6;
            }

            @Override
            public Duration firstBackoff() {
                return first;
            }

            @Override
            public Duration maxBackoff() {
                return max;
            }
        };
        return queue;
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        InProcessJobQueue queue = queue();

        assertThat(queue.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(queue.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(queue.backoff(30)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRetryNeverComesBeforeTheMomentGitHubNamed() {
        InProcessJobQueue queue = queue();

        assertThat(queue.delayBeforeRetry(0, Duration.ofSeconds(90))).as("rate limit resets in 90 s")
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(queue.delayBeforeRetry(4, Duration.ofSeconds(3))).as("back-off is already longer")
                .isEqualTo(Duration.ofSeconds(16));
        assertThat(queue.delayBeforeRetry(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
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
