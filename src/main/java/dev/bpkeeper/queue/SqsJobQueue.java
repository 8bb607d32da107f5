package dev.bpkeeper.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The queue on AWS: each job is one SQS message (JSON), consumed by the evaluate function ({@link SqsConsumer}),
 * which sends a job to try again back here, delayed, and one given up to the dead-letter queue.
 */
@ApplicationScoped
@Typed(SqsJobQueue.class)
public class SqsJobQueue implements JobQueue {
    /** SQS takes at most ten messages per batch. */
    static final int BATCH = 10;
    /** SQS delays a message by 15 minutes at most. */
    static final int MAX_DELAY_SECONDS = 900;
    /** The message attribute of a dead letter that says why the job was given up. */
    public static final String REASON = "bpkeeper-reason";
    /**
     * The message attribute of a job that must wait longer than SQS can delay a message: the instant (ISO-8601)
     * before which it is not run, only sent back again.
     */
    public static final String NOT_BEFORE = "bpkeeper-not-before";
    private static final int MAX_REASON = 1000;

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    QueueConfig config;

    @Inject
    java.time.Clock clock;

    /**
     * One try of sending a batch. The webhook function has recorded the delivery before it sends (15 s in all, as
     * the template says): the send must fail, and the delivery be forgotten and refused with 503, well before the
     * function is cut off, or the delivery would stay recorded with no job, and GitHub's redelivery be dropped as a
     * duplicate.
     */
    static final java.time.Duration SEND_ATTEMPT = java.time.Duration.ofSeconds(2);

    @Override
    public void submit(List<Job> jobs) {
        String url = jobQueueUrl();
        for (int from = 0; from < jobs.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Job> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(write(batch.get(i)))
                        .build());
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)
                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(SEND_ATTEMPT)
                                .apiCallTimeout(SEND_ATTEMPT.multipliedBy(2).plusMillis(200))));
                if (!response.failed().isEmpty()) {
                    throw new QueueUnavailableException("SQS refused " + response.failed().size() + " of "
                            + entries.size() + " messages: " + response.failed().get(0).message(), null);
                }
            } catch (SdkException e) {
                throw new QueueUnavailableException("SQS is unavailable: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Queues the job again, invisible for the delay. SQS delays a message 15 minutes at most; a job that must wait
     * longer (a rate limit resetting in 40 minutes) carries the instant in {@link #NOT_BEFORE}, and is sent back
     * again, without running or using a try, when it comes back early.
     */
    public void later(Job job, java.time.Duration delay) {
        send(jobQueueUrl(), write(job), delaySeconds(delay), notBefore(clock.instant(), delay)
                .map(instant -> java.util.Map.of(NOT_BEFORE, text(instant))).orElse(java.util.Map.of()));
    }

    /** The not-before attribute's value for a delay longer than SQS's 15 minutes, counted from now. */
    static java.util.Optional<String> notBefore(java.time.Instant now, java.time.Duration delay) {
        return delay.compareTo(java.time.Duration.ofSeconds(MAX_DELAY_SECONDS)) <= 0 ? java.util.Optional.empty()
                : java.util.Optional.of(now.plus(delay).toString());
    }

    /**
     * Sends a job given up to the dead-letter queue with its reason (a message attribute) and its tries reset, so
     * that redriving it after the cause is fixed gives it a full set of tries again.
     *
     * @throws QueueUnavailableException when there is no dead-letter queue configured or SQS refused the message
     */
    public void deadLetter(Job job, String reason) {
        deadLetter(write(job.withAttempt(0)), reason);
    }

    /** Sends a message body as it came (one that is not a job) to the dead-letter queue with the reason. */
    public void deadLetter(String body, String reason) {
        String url = config.sqsDeadLetterUrl().orElseThrow(() -> new QueueUnavailableException(
                "bpkeeper.queue.sqs-dead-letter-url is not configured", null));
        // SQS refuses an empty body.
        send(url, body.isEmpty() ? "(an empty message)" : body, 0, java.util.Map.of(REASON, text(truncated(reason))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private String jobQueueUrl() {
        return config.sqsUrl().orElseThrow(() -> new QueueUnavailableException(
                "bpkeeper.queue.sqs-url is not configured", null));
    }

    /** Whole seconds, rounded up so that a job never comes back before its time, within SQS's 0 to 900. */
    static int delaySeconds(java.time.Duration delay) {
        return (int) Math.min(MAX_DELAY_SECONDS, Math.max(0, (delay.toMillis() + 999) / 1000));
    }

    private void send(String url, String body, int delaySeconds, java.util.Map<String, MessageAttributeValue> attrs) {
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).delaySeconds(delaySeconds)
                    .messageAttributes(attrs));
        } catch (SdkException e) {
            throw new QueueUnavailableException("SQS is unavailable: " + e.getMessage(), e);
        }
    }

    /** Reasons quote GitHub's and AWS's messages, which can be long; a message attribute is not the place. */
    private static String truncated(String reason) {
        String text = reason == null || reason.isBlank() ? "(no reason given)" : reason;
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private String write(Job job) {
        try {
            return json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job could not be written as JSON", e);
        }
    }
}
