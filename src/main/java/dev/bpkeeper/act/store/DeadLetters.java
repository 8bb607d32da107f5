package dev.bpkeeper.act.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Jobs that failed for good, with the reason, kept for a person to look at and replay. */
@Singleton
public class DeadLetters {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public void record(Job job, String reason) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(config.deadLettersTable()).item(Map.of(
                    Tables.ID, AttributeValue.fromS(clock.instant() + "#" + UUID.randomUUID()),
                    "job", AttributeValue.fromS(json.writeValueAsString(job)),
                    "reason", AttributeValue.fromS(reason),
                    "attempts", AttributeValue.fromN(Integer.toString(job.attempt() + 1)),
                    "failedAt", AttributeValue.fromS(clock.instant().toString()))).build());
        } catch (JsonProcessingException | SdkException e) {
            throw new StorageException("Could not dead-letter " + job.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Every dead letter as (job, reason); for operators and tests. */
    public List<Map.Entry<Job, String>> all() {
        try {
            return dynamo.scanPaginator(ScanRequest.builder().tableName(config.deadLettersTable()).build()).items()
                    .stream().map(i -> Map.entry(read(i.get("job").s()), i.get("reason").s())).toList();
        } catch (SdkException e) {
            throw new StorageException("Could not read dead letters", e);
        }
    }

    private Job read(String text) {
        try {
            return json.readValue(text, Job.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("A dead letter could not be read", e);
        }
    }
}
