package dev.bpkeeper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InProcessJobQueueTest {

    private static InProcessJobQueue queue() {
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
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMinutes(5);
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
}
