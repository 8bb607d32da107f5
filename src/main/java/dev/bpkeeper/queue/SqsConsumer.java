package dev.bpkeeper.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * The receiving end of the SQS queue: one message, one job. A failure is thrown back so that SQS delivers the
 * message again, and after bpkeeper.queue.max-attempts receives (the queue's redrive maxReceiveCount, which the
 * template test keeps equal) moves it to the dead-letter queue on its own; on that last receive the handler is
 * told it gave up, as the in-process queue tells it, so that an installation's progress counts it as failed.
 */
@ApplicationScoped
public class SqsConsumer {
    private static final Logger LOG = Logger.getLogger(SqsConsumer.class);

    @Inject
    JobHandler handler;

    @Inject
    QueueConfig config;

    @Inject
    ObjectMapper json;

    /**
     * Runs the job a message carries.
     *
     * @param body the message body (a job as JSON)
     * @param receiveCount the message's ApproximateReceiveCount: 1 on the first delivery
     */
    public void consume(String body, int receiveCount) {
        Job job = read(body).withAttempt(Math.max(0, receiveCount - 1));
        try {
            handler.handle(job);
        } catch (RuntimeException e) {
            if (receiveCount >= config.maxAttempts()) {
                LOG.errorf("Dead-lettered %s by SQS after %d receives: %s", job.describe(), receiveCount,
                        e.getMessage());
                try {
                    handler.gaveUp(job);
                } catch (RuntimeException notRecorded) {
                    LOG.errorf("%s: could not record that it was given up: %s", job.describe(),
                            notRecorded.getMessage());
                }
            }
            throw e;
        }
    }

    private Job read(String body) {
        try {
            return json.readValue(body, Job.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The message is not a job: " + e.getMessage(), e);
        }
    }
}
