package dev.bpkeeper.queue;

import dev.bpkeeper.intake.Job;

/** Does one job. Throwing {@link RetryableException} asks for a later retry; any other exception is final. */
public interface JobHandler {

    void handle(Job job);

    /** A temporary failure (GitHub outage, rate limit, storage hiccup): try again later. */
    class RetryableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final java.time.Duration notBefore;

        public RetryableException(String message, java.time.Duration notBefore, Throwable cause) {
            super(message, cause);
            this.notBefore = notBefore;
        }

        /** The earliest sensible retry (e.g. a rate-limit reset), or zero for the usual back-off. */
        public java.time.Duration notBefore() {
            return notBefore;
        }
    }
}
