package dev.bpkeeper.act.store;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The key schema of every table, in one place: the code creates them locally, and a test checks that
 * infra/template.yaml declares the same.
 */
@Singleton
public class Tables {
    private static final Logger LOG = Logger.getLogger(Tables.class);
    /** Evaluations: partition "repo" (owner/name, lower case), sort "key" ("latest" or "commit#sha"). */
    public static final String REPO = "repo";
    public static final String KEY = "key";
    public static final String ID = "id";
    public static final String TTL = "ttl";
    public static final String INSTALLATION_ID = "installationId";
    public static final String BY_INSTALLATION = "by-installation";
    /** How long start-up waits for DynamoDB to answer at all before giving up. */
    private static final java.time.Duration UNREACHABLE_PATIENCE = java.time.Duration.ofMinutes(1);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    TablesReady ready;

    /**
     * Creates the tables on a thread of its own, so that start-up (and HTTP) does not wait for DynamoDB; storage
     * calls wait for them instead ({@link WaitForTables}). If they cannot be created, the app stops, as it did
     * when this happened before HTTP opened.
     */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.createTables()) {
            ready.created();
            return;
        }
        Thread creator = new Thread(() -> {
            try {
                createAll();
                ready.created();
            } catch (RuntimeException e) {
                LOG.errorf(e, "The DynamoDB tables could not be created; stopping");
                ready.failed(e);
                Quarkus.asyncExit(1);
            }
        }, "create-tables");
        creator.setDaemon(true);
        creator.start();
    }

    /** Creates the missing tables, waiting up to a minute for DynamoDB to answer (an embedded one may be starting). */
    public void createAll() {
        long deadline = System.nanoTime() + UNREACHABLE_PATIENCE.toNanos();
        for (Definition table : definitions(config)) {
            while (true) {
                try {
                    create(table.request(), table.withTtl());
                    break;
                } catch (SdkClientException unreachable) {
                    if (System.nanoTime() > deadline) {
                        throw unreachable;
                    }
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while waiting for DynamoDB", e);
        }
    }

    /**
     * One table as the code needs it.
     *
     * @param withTtl whether items expire through the "ttl" attribute
     */
    public record Definition(CreateTableRequest request, boolean withTtl) {
    }

    /** Every table, with its key schema, indexes and expiry: created locally, declared in infra/template.yaml. */
    public static List<Definition> definitions(StoreConfig config) {
        List<Definition> tables = new java.util.ArrayList<>();
        tables.add(new Definition(CreateTableRequest.builder().tableName(config.evaluationsTable())
                .keySchema(key(REPO, KeyType.HASH), key(KEY, KeyType.RANGE))
                .attributeDefinitions(attribute(REPO, ScalarAttributeType.S), attribute(KEY, ScalarAttributeType.S),
                        attribute(INSTALLATION_ID, ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BY_INSTALLATION)
                        .keySchema(key(INSTALLATION_ID, KeyType.HASH), key(REPO, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build(), true));
        tables.add(new Definition(CreateTableRequest.builder().tableName(config.deliveriesTable())
                .keySchema(key(ID, KeyType.HASH))
                .attributeDefinitions(attribute(ID, ScalarAttributeType.S),
                        attribute(KeptJobs.RESUME, ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(KeptJobs.UNFINISHED_INDEX)
                        .keySchema(key(KeptJobs.RESUME, KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build(), true));
        for (String table : List.of(config.githubCacheTable(), config.deadLettersTable())) {
            tables.add(new Definition(CreateTableRequest.builder().tableName(table).keySchema(key(ID, KeyType.HASH))
                    .attributeDefinitions(attribute(ID, ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST).build(), !table.equals(config.deadLettersTable())));
        }
        tables.add(new Definition(CreateTableRequest.builder().tableName(config.installationsTable())
                .keySchema(key(ID, KeyType.HASH)).attributeDefinitions(attribute(ID, ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST).build(), false));
        return List.copyOf(tables);
    }

    private void create(CreateTableRequest request, boolean withTtl) {
        try {
            dynamo.createTable(request.toBuilder().overrideConfiguration(Impatient.ONE_ATTEMPT).build());
            if (withTtl) {
                dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(request.tableName())
                        .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(TTL).enabled(true)
                                .build()).overrideConfiguration(Impatient.ONE_ATTEMPT).build());
            }
            LOG.debugf("Created table %s", request.tableName());
        } catch (ResourceInUseException alreadyThere) {
            // Tables survive restarts when data is kept on disk; creating them is idempotent.
            addMissingIndexes(request);
        }
    }

    /** A table kept on disk by an earlier version gets the indexes added since (the deliveries' unfinished jobs). */
    private void addMissingIndexes(CreateTableRequest wanted) {
        if (!wanted.hasGlobalSecondaryIndexes()) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        dynamo.describeTable(b -> b.tableName(wanted.tableName()).overrideConfiguration(Impatient.ONE_ATTEMPT))
                .table().globalSecondaryIndexes().forEach(i -> present.add(i.indexName()));
        for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
            if (!present.contains(index.indexName())) {
                dynamo.updateTable(b -> b.tableName(wanted.tableName())
                        .attributeDefinitions(wanted.attributeDefinitions())
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                                .indexName(index.indexName()).keySchema(index.keySchema())
                                .projection(index.projection())).build())
                        .overrideConfiguration(Impatient.ONE_ATTEMPT));
                LOG.infof("Added index %s to table %s", index.indexName(), wanted.tableName());
            }
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
