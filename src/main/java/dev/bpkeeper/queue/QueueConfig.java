package dev.bpkeeper.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Which queue, and the retries and concurrency of the in-process one. */
@ConfigMapping(prefix = "bpkeeper.queue")
public interface QueueConfig {
    /** in-process (local) or sqs (AWS). */
    @WithDefault("in-process")
    String kind();

    /** The SQS queue's URL, when kind is sqs. */
    java.util.Optional<String> sqsUrl();

    /** Evaluations running at once; GitHub's secondary rate limits punish bursts more than volume. */
    @WithDefault("2")
    int workers();

    /** Tries before a job is dead-lettered. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("PT1S")
    Duration firstBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();
}
