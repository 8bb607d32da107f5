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

    /** Raised when the queue refuses work. */
    class QueueUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
