package dev.bpkeeper.act.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Which webhook deliveries were already accepted. GitHub redelivers on timeouts and people press "Redeliver";
 * one conditional write per delivery id makes the second arrival a no-op, even across Lambda instances.
 */
@Singleton
public class DeliveryLog {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    Clock clock;

    /** Records the delivery; false when it was recorded before (a duplicate). */
    public boolean firstTime(String deliveryId, String event) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(config.deliveriesTable())
                    .item(Map.of(Tables.ID, AttributeValue.fromS(deliveryId), "event", AttributeValue.fromS(event),
                            "receivedAt", AttributeValue.fromS(clock.instant().toString()),
                            Tables.TTL, EvaluationStore.n(clock.instant().plus(config.deliveryRetention()).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(id)").build());
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        } catch (SdkException e) {
            throw new StorageException("Could not record delivery " + deliveryId, e);
        }
    }

    /** Forgets a delivery whose job could not be queued, so that GitHub's redelivery is accepted. */
    public void forget(String deliveryId) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(config.deliveriesTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(deliveryId))).build());
        } catch (SdkException e) {
            throw new StorageException("Could not forget delivery " + deliveryId, e);
        }
    }
}
