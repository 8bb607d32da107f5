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

    /**
     * The SQS dead-letter queue's URL: a job given up is sent there with its reason. Without it, a job given up is
     * left to the queue's redrive policy, which moves it there without a reason after its last receive.
     */
    java.util.Optional<String> sqsDeadLetterUrl();

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

    /**
     * At a stop, how long running jobs may take to end before they are handed back to the next start (they are
     * kept with their deliveries); with the storage's own close, the stop ends well within 10 s.
     */
    @WithDefault("PT5S")
    Duration stopGrace();

    /** Run, at start, the jobs an earlier run accepted and did not finish (in-process queue; off for one-shot commands). */
    @WithDefault("true")
    boolean resumeAtStart();
}
