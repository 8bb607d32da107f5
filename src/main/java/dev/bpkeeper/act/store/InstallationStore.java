package dev.bpkeeper.act.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The installations the app works for: which account, since when. The org page starts here. */
@Singleton
public class InstallationStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    Clock clock;

    /** Installations recorded by this process; saves a write on every push. */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    /** An installation seen at work, with the account it belongs to. */
    public record Installation(long id, String account, String firstSeen) {
    }

    public void recordSeen(long installationId, String account) {
        if (known.contains(installationId)) {
            return;
        }
        try {
            dynamo.updateItem(b -> b.tableName(config.installationsTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(Long.toString(installationId))))
                    .updateExpression("SET account = :account, firstSeen = if_not_exists(firstSeen, :now)")
                    .expressionAttributeValues(Map.of(":account", AttributeValue.fromS(account),
                            ":now", AttributeValue.fromS(clock.instant().toString()))));
            known.add(installationId);
        } catch (SdkException e) {
            throw new StorageException("Could not record installation " + installationId, e);
        }
    }

    public Optional<Installation> find(long installationId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(config.installationsTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(Long.toString(installationId))))).item();
            return item == null || item.isEmpty() ? Optional.empty()
                    : Optional.of(new Installation(installationId, item.get("account").s(), item.get("firstSeen").s()));
        } catch (SdkException e) {
            throw new StorageException("Could not read installation " + installationId, e);
        }
    }

    /**
     * The installation on an account (the org page), by its login in any case. A scan: installations are few
     * (one per organisation or user), and the read side keeps the answer for a while.
     */
    public Optional<Installation> findByAccount(String account) {
        try {
            return dynamo.scanPaginator(b -> b.tableName(config.installationsTable())).items().stream()
                    .filter(item -> item.containsKey("account") && item.get("account").s().equalsIgnoreCase(account))
                    .map(item -> new Installation(Long.parseLong(item.get(Tables.ID).s()), item.get("account").s(),
                            item.containsKey("firstSeen") ? item.get("firstSeen").s() : null))
                    .findFirst();
        } catch (SdkException e) {
            throw new StorageException("Could not look up the installation of " + account, e);
        }
    }

    public void delete(long installationId) {
        try {
            dynamo.deleteItem(b -> b.tableName(config.installationsTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(Long.toString(installationId)))));
            known.remove(installationId);
        } catch (SdkException e) {
            throw new StorageException("Could not delete installation " + installationId, e);
        }
    }
}
