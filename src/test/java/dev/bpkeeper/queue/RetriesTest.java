package dev.bpkeeper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.intake.Job;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule both queues follow when a job throws (6 tries, back-off from 1 s doubling up to 5 min). */
class RetriesTest {
    private static final QueueConfig CONFIG = TestQueueConfig.inProcess(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private static Job triedBefore(int attempts) {
        return Job.evaluate(7, "acme/widget", "abc", null, "push", 0, "d-1").withAttempt(attempts);
    }

    static Stream<Arguments> fates() {
        return Stream.of(
                Arguments.of("first failure: 1 s", 0, failure(Duration.ZERO), "later 1 s, attempt 1"),
                Arguments.of("fourth failure: 8 s", 3, failure(Duration.ZERO), "later 8 s, attempt 4"),
                Arguments.of("rate limit resets in 90 s: not before", 0, failure(Duration.ofSeconds(90)),
                        "later 90 s, attempt 1"),
                Arguments.of("back-off already longer than the reset", 4, failure(Duration.ofSeconds(3)),
                        "later 16 s, attempt 5"),
                Arguments.of("sixth failure of six: given up", 5, failure(Duration.ZERO),
                        "give up: gave up after 6 attempts: GitHub answered 502"),
                Arguments.of("deferred: waits and keeps its tries", 2,
                        JobHandler.RetryableException.deferred("rate limit spent", Duration.ofMinutes(40)),
                        "deferred 2400 s, attempt 2"),
                Arguments.of("deferred on what would be its last try: still waits", 5,
                        JobHandler.RetryableException.deferred("paced", Duration.ofSeconds(2)),
                        "deferred 2 s, attempt 5"),
                Arguments.of("not retryable: given up at once", 0, new IllegalStateException("no app id"),
                        "give up: IllegalStateException: no app id"));
    }

    private static RuntimeException failure(Duration notBefore) {
        return new JobHandler.RetryableException("GitHub answered 502", notBefore, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fates")
    void givenAJobThatThrew_thenItsFateIs(String name, int attemptsBefore, RuntimeException thrown, String fate) {
        assertThat(describe(Retries.after(triedBefore(attemptsBefore), thrown, CONFIG))).isEqualTo(fate);
    }

    private static String describe(Retries.Next next) {
        if (next instanceof Retries.Later later) {
            return (later.deferred() ? "deferred " : "later ") + later.delay().toSeconds() + " s, attempt "
                    + later.job().attempt();
        }
        return "give up: " + ((Retries.GiveUp) next).reason();
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        assertThat(Retries.backoff(0, CONFIG)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Retries.backoff(3, CONFIG)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Retries.backoff(30, CONFIG)).as("no overflow past 2^20").isEqualTo(Duration.ofMinutes(5));
    }
}
