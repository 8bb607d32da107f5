package dev.bpkeeper.act.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.fixup.FixupMemory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The fix-up memory of each repository, one item beside its evaluations (same partition, sort key "fixups"), so
 * forgetting a repository forgets it too. Writes are conditional on the version read, so two evaluations of
 * the same repository at once cannot both open a pull request.
 */
@Singleton
public class FixupStore {
    static final String FIXUPS = "fixups";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    public FixupMemory read(String repository) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(config.evaluationsTable())
                    .key(key(repository)).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                return FixupMemory.none();
            }
            FixupMemory stored = json.readValue(item.get("memory").s(), FixupMemory.class);
            return new FixupMemory(stored.open(), stored.remembered(), Long.parseLong(item.get("version").n()));
        } catch (JsonProcessingException e) {
            throw new StorageException("The fix-up memory of " + repository + " cannot be read: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new StorageException("Could not read the fix-up memory of " + repository, e);
        }
    }

    /** @return false when someone else wrote since {@code memory} was read (nothing is written then) */
    public boolean write(String repository, FixupMemory memory) {
        Map<String, AttributeValue> item = new HashMap<>(key(repository));
        try {
            item.put("memory", AttributeValue.fromS(json.writeValueAsString(memory)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fix-up memory cannot be written as JSON", e);
        }
        item.put("version", AttributeValue.fromN(Long.toString(memory.version() + 1)));
        try {
            dynamo.putItem(b -> {
                b.tableName(config.evaluationsTable()).item(item);
                if (memory.version() == 0) {
                    b.conditionExpression("attribute_not_exists(#repo)")
                            .expressionAttributeNames(Map.of("#repo", Tables.REPO));
                } else {
                    b.conditionExpression("version = :read")
                            .expressionAttributeValues(Map.of(":read",
                                    AttributeValue.fromN(Long.toString(memory.version()))));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        } catch (SdkException e) {
            throw new StorageException("Could not store the fix-up memory of " + repository, e);
        }
    }

    private static Map<String, AttributeValue> key(String repository) {
        return Map.of(Tables.REPO, AttributeValue.fromS(EvaluationStore.key(repository)),
                Tables.KEY, AttributeValue.fromS(FIXUPS));
    }
}
