package dev.bpkeeper.act.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The installations the app works for: which account, since when, and how far the evaluation of all its
 * repositories has come after it was installed (its "burst"). The org page starts here.
 */
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

    /**
     * How far an installation's burst has come: every repository it covers evaluated once, after the app was
     * installed, its permissions accepted, or repositories added. Only the newest burst is followed.
     *
     * @param evaluated repositories done so far (evaluated, or found gone)
     * @param failed repositories given up on (their jobs are in the dead letters, with the reason)
     * @param finished when the last one was done or given up; empty while in progress
     */
    public record Progress(int evaluated, int failed, int total, Instant started, Optional<Instant> finished) {
        public boolean done() {
            return finished.isPresent();
        }

        /**
         * For people (the org page): "250 of 1000 repositories evaluated", "all 1000 repositories evaluated", or
         * "998 of 1000 repositories evaluated, 2 failed".
         */
        public String summary() {
            String counted = evaluated == total ? "all " + total : evaluated + " of " + total;
            return counted + " repositories evaluated" + (failed > 0 ? ", " + failed + " failed" : "");
        }
    }

    /** A burst of {@code total} evaluations begins, started by one delivery; an earlier burst is no longer followed. */
    public void startBurst(long installationId, String account, int total, String deliveryId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":account", AttributeValue.fromS(account));
        values.put(":now", AttributeValue.fromS(clock.instant().toString()));
        values.put(":delivery", AttributeValue.fromS(deliveryId));
        values.put(":total", AttributeValue.fromN(Integer.toString(total)));
        values.put(":zero", AttributeValue.fromN("0"));
        try {
            dynamo.updateItem(b -> b.tableName(config.installationsTable()).key(key(installationId))
                    .updateExpression("SET account = :account, firstSeen = if_not_exists(firstSeen, :now),"
                            + " burstDelivery = :delivery, burstTotal = :total, burstEvaluated = :zero,"
                            + " burstFailed = :zero, burstStarted = :now REMOVE burstFinished")
                    .expressionAttributeValues(values));
        } catch (SdkException e) {
            throw new StorageException("Could not record the start of installation " + installationId
                    + "'s evaluation", e);
        }
    }

    /**
     * Counts one repository of the burst started by {@code deliveryId} as done (or given up on), and marks the
     * burst finished with the last one.
     *
     * @return the progress after counting; empty when that burst is not (or no longer) the one followed
     */
    public Optional<Progress> countEvaluated(long installationId, String deliveryId, boolean failed) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(config.installationsTable())
                    .key(key(installationId)).updateExpression(failed ? "ADD burstFailed :one"
                            : "ADD burstEvaluated :one")
                    .conditionExpression("burstDelivery = :delivery")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":delivery", AttributeValue.fromS(deliveryId)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            Progress progress = progress(item).orElseThrow();
            if (progress.evaluated() + progress.failed() < progress.total() || progress.done()) {
                return Optional.of(progress);
            }
            Instant now = clock.instant();
            dynamo.updateItem(b -> b.tableName(config.installationsTable()).key(key(installationId))
                    .updateExpression("SET burstFinished = :now")
                    .conditionExpression("burstDelivery = :delivery AND attribute_not_exists(burstFinished)")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()),
                            ":delivery", AttributeValue.fromS(deliveryId))));
            return Optional.of(new Progress(progress.evaluated(), progress.failed(), progress.total(),
                    progress.started(), Optional.of(now)));
        } catch (ConditionalCheckFailedException notFollowed) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageException("Could not count an evaluation of installation " + installationId, e);
        }
    }

    /** The progress of the installation's latest burst, for the org page; empty if none was ever started. */
    public Optional<Progress> progress(long installationId) {
        try {
            return progress(dynamo.getItem(b -> b.tableName(config.installationsTable()).key(key(installationId))
                    .consistentRead(true)).item());
        } catch (SdkException e) {
            throw new StorageException("Could not read installation " + installationId, e);
        }
    }

    private static Optional<Progress> progress(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey("burstTotal")) {
            return Optional.empty();
        }
        AttributeValue finished = item.get("burstFinished");
        AttributeValue failed = item.get("burstFailed");
        return Optional.of(new Progress(Integer.parseInt(item.get("burstEvaluated").n()),
                failed == null ? 0 : Integer.parseInt(failed.n()), Integer.parseInt(item.get("burstTotal").n()), Instant.parse(item.get("burstStarted").s()),
                Optional.ofNullable(finished).map(f -> Instant.parse(f.s()))));
    }

    private static Map<String, AttributeValue> key(long installationId) {
        return Map.of(Tables.ID, AttributeValue.fromS(Long.toString(installationId)));
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
