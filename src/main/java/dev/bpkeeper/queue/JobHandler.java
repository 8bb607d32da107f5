package dev.bpkeeper.queue;

import dev.bpkeeper.intake.Job;

/** Does one job. Throwing {@link RetryableException} asks for a later retry; any other exception is final. */
public interface JobHandler {

    void handle(Job job);

    /** The queue gave up on the job (dead-lettered with its reason): it will not run again. */
    default void gaveUp(Job job) {
    }

    /** A temporary failure (GitHub outage, rate limit, storage hiccup): try again later. */
    class RetryableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final java.time.Duration notBefore;
        private final boolean failure;

        public RetryableException(String message, java.time.Duration notBefore, Throwable cause) {
            this(message, notBefore, cause, true);
        }

        private RetryableException(String message, java.time.Duration notBefore, Throwable cause, boolean failure) {
            super(message, cause);
            this.notBefore = notBefore;
            this.failure = failure;
        }

        /** Not a failure: the job waits its turn (pacing) and keeps its attempts. */
        public static RetryableException deferred(String message, java.time.Duration until) {
            return new RetryableException(message, until, null, false);
        }

        public boolean isFailure() {
            return failure;
        }

        /** The earliest sensible retry (e.g. a rate-limit reset), or zero for the usual back-off. */
        public java.time.Duration notBefore() {
            return notBefore;
        }
    }
}
