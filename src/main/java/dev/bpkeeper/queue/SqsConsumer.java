package dev.bpkeeper.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * The receiving end of the SQS queue: one message, one job, handled by the same rule as the local queue
 * ({@link Retries}). A job to run again is sent back as a new message delayed by its back-off (or until its rate
 * limit resets), carrying its count of tries, and the message received is done with; so a deferral costs no try,
 * and the back-off is the rule's, not the queue's visibility timeout. A job given up is sent to the dead-letter
 * queue with its reason. Only when that sending fails is the failure thrown back: SQS then delivers the message
 * again, and after bpkeeper.queue.max-attempts receives (the queue's redrive maxReceiveCount, which the template
 * test keeps equal) moves it to the dead-letter queue on its own. Either way, the handler is told once when the job
 * is given up, so that an installation's progress counts it as failed.
 */
@ApplicationScoped
public class SqsConsumer {
    private static final Logger LOG = Logger.getLogger(SqsConsumer.class);

    @Inject
    JobHandler handler;

    @Inject
    QueueConfig config;

    @Inject
    SqsJobQueue queue;

    @Inject
    ObjectMapper json;

    /**
     * Runs the job a message carries.
     *
     * @param body the message body (a job as JSON)
     * @param receiveCount the message's ApproximateReceiveCount: 1 on the first delivery
     */
    public void consume(String body, int receiveCount) {
        Job received = read(body);
        // Receives that were never answered (the function crashed or timed out) count as tries too.
        Job job = received.withAttempt(received.attempt() + Math.max(0, receiveCount - 1));
        try {
            handler.handle(job);
        } catch (RuntimeException e) {
            Retries.Next next = Retries.after(job, e, config);
            try {
                if (next instanceof Retries.Later later) {
                    queue.later(later.job(), later.delay());
                    if (later.deferred()) {
                        LOG.infof("%s deferred %s: %s", job.describe(), later.delay(), later.why());
                    } else {
                        LOG.warnf("%s failed (%s); retry %d in %s", job.describe(), later.why(),
                                later.job().attempt(), later.delay());
                    }
                } else if (next instanceof Retries.GiveUp giveUp) {
                    queue.deadLetter(job, giveUp.reason());
                    LOG.errorf("Dead-lettered %s: %s", job.describe(), giveUp.reason());
                    tellGaveUp(job);
                }
            } catch (JobQueue.QueueUnavailableException notRequeued) {
                LOG.warnf("%s could not be queued again (%s); SQS will deliver its message again",
                        job.describe(), notRequeued.getMessage());
                if (receiveCount >= config.maxAttempts()) {
                    LOG.errorf("Dead-lettered %s by SQS after %d receives: %s", job.describe(), receiveCount,
                            e.getMessage());
                    tellGaveUp(job);
                }
                throw e;
            }
        }
    }

    private void tellGaveUp(Job job) {
        try {
            handler.gaveUp(job);
        } catch (RuntimeException notRecorded) {
            LOG.errorf("%s: could not record that it was given up: %s", job.describe(), notRecorded.getMessage());
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
