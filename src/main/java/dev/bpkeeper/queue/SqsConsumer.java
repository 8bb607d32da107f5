package dev.bpkeeper.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jboss.logging.Logger;

/**
 * The receiving end of the SQS queue: one message, one job, handled by the same rule as the local queue
 * ({@link Retries}). A job to run again is sent back as a new message delayed by its back-off (or until its rate
 * limit resets), carrying its count of tries, and the message received is done with; so a deferral costs no try,
 * and the back-off is the rule's, not the queue's visibility timeout. A job given up is sent to the dead-letter
 * queue with its reason, as is a message that is not a job. Only when sending fails is the message handed back to
 * SQS: it delivers it again, and after bpkeeper.queue.max-attempts receives (the queue's redrive maxReceiveCount,
 * which the template test keeps equal) moves it to the dead-letter queue on its own. Either way, the handler is
 * told once when the job is given up, so that an installation's progress counts it as failed.
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

    @Inject
    Clock clock;

    /**
     * Runs the job a message carries, unless it came back before its time or after its last try.
     *
     * @param body the message body (a job as JSON)
     * @param receiveCount the message's ApproximateReceiveCount: 1 on the first delivery
     * @param notBefore the message's {@link SqsJobQueue#NOT_BEFORE} attribute, or null
     */
    public void consume(String body, int receiveCount, String notBefore) {
        Job received;
        try {
            received = json.readValue(body, Job.class);
        } catch (IOException unreadable) {
            // No retry can make it readable.
            deadLetter(null, body, "The message is not a job: " + unreadable.getMessage(), receiveCount,
                    new IllegalArgumentException("The message is not a job", unreadable));
            return;
        }
        if (received == null) {
            deadLetter(null, body, "The message is not a job: JSON null", receiveCount,
                    new IllegalArgumentException("The message is not a job"));
            return;
        }
        // Receives that were never answered (the function crashed or timed out) count as tries too.
        Job job = received.withAttempt(received.attempt() + Math.max(0, receiveCount - 1));
        Duration early = early(notBefore);
        if (!early.isZero()) {
            sendBack(job, early, receiveCount, null);
            LOG.debugf("%s came back %s early; sent back", job.describe(), early);
            return;
        }
        if (job.attempt() >= config.maxAttempts()) {
            // A copy of a job already given up (redelivered after a timeout, or handed back because its dead
            // letter could not be sent): it is not run again, and the handler was told, or will be on its last
            // receive.
            deadLetter(job, null, "gave up after " + config.maxAttempts() + " attempts", receiveCount,
                    new IllegalStateException(job.describe() + " has no tries left"));
            return;
        }
        try {
            handler.handle(job);
        } catch (RuntimeException e) {
            Retries.Next next = Retries.after(job, e, config);
            if (next instanceof Retries.Later later) {
                sendBack(later.job(), later.delay(), receiveCount, e);
                Retries.logLater(LOG, job, later);
            } else if (next instanceof Retries.GiveUp giveUp) {
                deadLetter(job, null, giveUp.reason(), receiveCount, e);
                Retries.tellGaveUp(handler, job, LOG);
            }
        }
    }

    /** How long before the instant the message carries, or zero (none, passed, or unreadable: run it now). */
    private Duration early(String notBefore) {
        if (notBefore == null || notBefore.isBlank()) {
            return Duration.ZERO;
        }
        try {
            Duration left = Duration.between(clock.instant(), Instant.parse(notBefore.strip()));
            return left.isNegative() ? Duration.ZERO : left;
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    private void sendBack(Job job, Duration delay, int receiveCount, RuntimeException failure) {
        try {
            queue.later(job, delay);
        } catch (JobQueue.QueueUnavailableException notSent) {
            throw handBack(job, receiveCount, failure != null ? failure : notSent, notSent);
        }
    }

    /** Sends the job (or the body that is not one) to the dead-letter queue, or hands the message back to SQS. */
    private void deadLetter(Job job, String body, String reason, int receiveCount, RuntimeException failure) {
        try {
            if (job != null) {
                queue.deadLetter(job, reason);
            } else {
                queue.deadLetter(body, reason);
            }
            LOG.errorf("Dead-lettered %s: %s", job != null ? job.describe() : "a message", reason);
        } catch (JobQueue.QueueUnavailableException notSent) {
            throw handBack(job, receiveCount, failure, notSent);
        }
    }

    /**
     * The failure to throw so that SQS delivers the message again; on its last receive SQS moves it to the
     * dead-letter queue instead, and the handler is told the job was given up.
     */
    private RuntimeException handBack(Job job, int receiveCount, RuntimeException failure,
                                      JobQueue.QueueUnavailableException notSent) {
        String what = job != null ? job.describe() : "a message";
        LOG.warnf("%s could not be queued again (%s); SQS will deliver its message again", what, notSent.getMessage());
        if (receiveCount >= config.maxAttempts()) {
            LOG.errorf("Dead-lettered %s by SQS after %d receives: %s", what, receiveCount, failure.getMessage());
            if (job != null) {
                Retries.tellGaveUp(handler, job, LOG);
            }
        }
        return failure;
    }
}
