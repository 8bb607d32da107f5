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
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The queue on AWS: each job is one SQS message (JSON), consumed by the evaluate function. SQS retries a failed
 * message and moves it to the dead-letter queue after the configured receive count.
 */
@ApplicationScoped
@Typed(SqsJobQueue.class)
public class SqsJobQueue implements JobQueue {
    /** SQS takes at most ten messages per batch. */
    static final int BATCH = 10;

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    QueueConfig config;

    @Override
    public void submit(List<Job> jobs) {
        String url = config.sqsUrl().orElseThrow(() -> new QueueUnavailableException(
                "bpkeeper.queue.sqs-url is not configured", null));
        for (int from = 0; from < jobs.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Job> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(write(batch.get(i)))
                        .build());
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                if (!response.failed().isEmpty()) {
                    throw new QueueUnavailableException("SQS refused " + response.failed().size() + " of "
                            + entries.size() + " messages: " + response.failed().get(0).message(), null);
                }
            } catch (SdkException e) {
                throw new QueueUnavailableException("SQS is unavailable: " + e.getMessage(), e);
            }
        }
    }

    private String write(Job job) {
        try {
            return json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job could not be written as JSON", e);
        }
    }
}
