package dev.bpkeeper.queue;

import dev.bpkeeper.intake.Job;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What becomes of a job that threw: the one rule both queues follow, in-process locally and SQS on AWS. A deferral
 * (the installation's requests are paced, its rate limit is spent) waits and keeps the job's tries; a retryable
 * failure is tried again with exponential back-off, never before the moment GitHub named, until the tries run out;
 * any other failure gives the job up at once.
 */
public final class Retries {
    private Retries() {
    }

    /** The job's fate. */
    public sealed interface Next permits Later, GiveUp {
    }

    /**
     * Run {@code job} again after {@code delay}.
     *
     * @param deferred true when this is not a failure (the job kept its tries)
     * @param why what the handler said
     */
    public record Later(Job job, Duration delay, boolean deferred, String why) implements Next {
    }

    /** Stop trying: the job goes to the dead letters with this reason. */
    public record GiveUp(String reason) implements Next {
    }

    public static Next after(Job job, RuntimeException failure, QueueConfig config) {
        if (!(failure instanceof JobHandler.RetryableException retryable)) {
            return new GiveUp(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        if (!retryable.isFailure()) {
            return new Later(job, retryable.notBefore(), true, retryable.getMessage());
        }
        if (job.attempt() + 1 >= config.maxAttempts()) {
            return new GiveUp("gave up after " + (job.attempt() + 1) + " attempts: " + retryable.getMessage());
        }
        return new Later(job.nextAttempt(), delayBeforeRetry(job.attempt(), retryable.notBefore(), config), false,
                retryable.getMessage());
    }

    /** Says in the queue's log that the job will run again, and why: the same words from both queues. */
    static void logLater(Logger log, Job job, Later later) {
        if (later.deferred()) {
            log.infof("%s deferred %s: %s", job.describe(), later.delay(), later.why());
        } else {
            log.warnf("%s failed (%s); retry %d in %s", job.describe(), later.why(), later.job().attempt(),
                    later.delay());
        }
    }

    /** Tells the handler the job was given up; a failure to record it is logged, never thrown over the queue. */
    static void tellGaveUp(JobHandler handler, Job job, Logger log) {
        try {
            handler.gaveUp(job);
        } catch (RuntimeException notRecorded) {
            log.errorf("%s: could not record that it was given up: %s", job.describe(), notRecorded.getMessage());
        }
    }

    /** Exponential back-off, but never before the moment GitHub named (a rate-limit reset, a retry-after). */
    static Duration delayBeforeRetry(int attempt, Duration notBefore, QueueConfig config) {
        Duration backoff = backoff(attempt, config);
        return backoff.compareTo(notBefore) >= 0 ? backoff : notBefore;
    }

    static Duration backoff(int attempt, QueueConfig config) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
