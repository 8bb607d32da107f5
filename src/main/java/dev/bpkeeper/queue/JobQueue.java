package dev.bpkeeper.queue;

import dev.bpkeeper.intake.Job;
import java.util.List;

/** Where accepted work waits: in-process locally, SQS on AWS. A submitted job is done, retried or dead-lettered. */
public interface JobQueue {

    /**
     * @throws QueueUnavailableException when the jobs could not be accepted; the caller must not acknowledge the
     *         delivery as handled
     */
    void submit(List<Job> jobs);

    /**
     * Whether what is submitted survives a crash of this process (SQS). When it does not (the in-process queue),
     * the receiver keeps a delivery's jobs with the delivery's record before answering, and the queue marks each
     * finished there and runs the unfinished ones again on the next start.
     */
    default boolean keepsJobsAcrossRestarts() {
        return true;
    }

    /** Raised when the queue refuses work. */
    class QueueUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
