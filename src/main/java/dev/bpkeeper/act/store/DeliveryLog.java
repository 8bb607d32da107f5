package dev.bpkeeper.act.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Which webhook deliveries were already accepted. GitHub redelivers on timeouts and people press "Redeliver";
 * one conditional write per delivery id makes the second arrival a no-op, even across Lambda instances.
 * <p>
 * With the in-process queue the same write also keeps the delivery's jobs (SQS keeps them on AWS): a delivery
 * answered 202 has its work on disk before the answer, in the same atomic write that makes it a first arrival.
 * Each job is marked finished as it ends (done or dead-lettered); a delivery with unfinished jobs carries the
 * {@link KeptJobs#RESUME} attribute, so that a sparse index lists exactly the work a crash or a stop left behind,
 * which the next start runs again ({@link KeptJobs}).
 */
@Singleton
public class DeliveryLog {
    /** Which call recorded the delivery (a random id per call). */
    static final String RECEIPT = "receipt";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /**
     * Records the delivery; false when it was recorded before (a duplicate). Impatient: GitHub is waiting (10 s at
     * most), and when storage does not answer at once it is told 503 quickly and the delivery can be sent again.
     * Each call writes a receipt of its own, so that a first attempt which landed although its answer was cut
     * short is not taken, on the second attempt, for an earlier delivery.
     */
    public boolean firstTime(String deliveryId, String event) {
        return firstTime(deliveryId, event, List.of());
    }

    /**
     * Records the delivery together with the jobs to keep until they finish (none when the queue keeps them
     * itself); false when it was recorded before.
     */
    public boolean firstTime(String deliveryId, String event, List<Job> jobsToKeep) {
        String receipt = java.util.UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(Tables.ID, AttributeValue.fromS(deliveryId),
                "event", AttributeValue.fromS(event), RECEIPT, AttributeValue.fromS(receipt),
                "receivedAt", AttributeValue.fromS(clock.instant().toString()),
                Tables.TTL, EvaluationStore.n(clock.instant().plus(config.deliveryRetention()).getEpochSecond())));
        if (!jobsToKeep.isEmpty()) {
            item.putAll(KeptJobs.attributes(jobsToKeep, json));
        }
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(config.deliveriesTable()).item(item)
                    .conditionExpression("attribute_not_exists(id)")
                    .overrideConfiguration(Impatient.FEW_SHORT_ATTEMPTS).build());
            return true;
        } catch (ConditionalCheckFailedException recorded) {
            return receipt.equals(receiptOf(deliveryId));
        } catch (SdkException e) {
            throw new StorageException("Could not record delivery " + deliveryId, e);
        }
    }

    /** The receipt the delivery was recorded with; read only when a write found it recorded already. */
    private String receiptOf(String deliveryId) {
        try {
            AttributeValue value = dynamo.getItem(GetItemRequest.builder().tableName(config.deliveriesTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(deliveryId))).consistentRead(true)
                    .overrideConfiguration(Impatient.FEW_SHORT_ATTEMPTS).build()).item().get(RECEIPT);
            return value == null ? null : value.s();
        } catch (SdkException e) {
            throw new StorageException("Could not read delivery " + deliveryId, e);
        }
    }

    /** Forgets a delivery whose job could not be queued, so that GitHub's redelivery is accepted. */
    public void forget(String deliveryId) {
        try {
            // Impatient too: it runs while GitHub (and, on AWS, the function's 15 s) waits for the 503.
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(config.deliveriesTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(deliveryId)))
                    .overrideConfiguration(Impatient.FEW_SHORT_ATTEMPTS).build());
        } catch (SdkException e) {
            throw new StorageException("Could not forget delivery " + deliveryId, e);
        }
    }
}
