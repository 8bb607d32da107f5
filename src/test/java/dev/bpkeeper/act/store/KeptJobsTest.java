package dev.bpkeeper.act.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.intake.Job;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A delivery's jobs are kept with it, in the same write that detects duplicates, until each has finished. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = dev.bpkeeper.testing.FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KeptJobsTest {

    @Inject
    DeliveryLog deliveries;

    @Inject
    KeptJobs kept;

    @Inject
    StoreConfig config;

    @Inject
    software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;

    @Test
    void givenADeliveriesTableKeptOnDiskByAnEarlierVersionWhenTheAppStartsThenItGetsTheIndexOfUnfinishedJobs() {
        String prefix = "old-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StoreConfig renamed = (StoreConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StoreConfig.class}, (proxy, method, args) -> method.getName().endsWith("Table")
                        ? prefix + method.invoke(config, args) : method.invoke(config, args));
        // As an earlier version made it: the key alone, no index.
        dynamo.createTable(b -> b.tableName(renamed.deliveriesTable())
                .keySchema(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                        .attributeName(Tables.ID).keyType("HASH").build())
                .attributeDefinitions(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                        .attributeName(Tables.ID).attributeType("S").build())
                .billingMode("PAY_PER_REQUEST"));
        Tables tables = new Tables();
        tables.dynamo = dynamo;
        tables.config = renamed;

        tables.createAll();

        assertThat(dynamo.describeTable(b -> b.tableName(renamed.deliveriesTable())).table()
                .globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly(KeptJobs.UNFINISHED_INDEX);
    }

    @ParameterizedTest(name = "{0}: {1} job(s), {2} finished")
    @CsvSource({
        "one push not started,                  1,    0",
        "one push finished,                     1,    1",
        "an installation half evaluated,        10,   5",
        "an installation of 600 (compressed),   600,  599",
        "an installation wholly evaluated,      600,  600"
    })
    void givenADeliveryWithJobsWhenSomeFinishThenExactlyTheOthersAreUnfinished(String scenario, int jobs,
                                                                            int finished) {
        String delivery = UUID.randomUUID().toString();
        List<Job> all = IntStream.range(0, jobs).mapToObj(i -> Job.evaluate(9, "kept/repo-" + i, "sha" + i,
                Instant.parse("2026-12-01T00:00:00Z"), "installation created", 0, delivery)).toList();

        assertThat(deliveries.firstTime(delivery, "installation", all)).isTrue();
        IntStream.range(0, finished).forEach(i -> kept.finished(delivery, i));

        List<KeptJobs.KeptJob> left = kept.unfinished().stream().filter(k -> k.deliveryId().equals(delivery))
                .toList();
        assertThat(left).extracting(KeptJobs.KeptJob::position)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(finished, jobs).boxed().toList());
        assertThat(left).allMatch(k -> k.job().equals(all.get(k.position())), "each job reads back exactly");
    }

    @Test
    void aDuplicateDeliveryIsStillDetectedAndKeepsNothingMore() {
        String delivery = UUID.randomUUID().toString();
        Job push = Job.evaluate(9, "kept/dup", "abc", null, "push", 0, delivery);

        assertThat(deliveries.firstTime(delivery, "push", List.of(push))).isTrue();
        kept.finished(delivery, 0);
        assertThat(deliveries.firstTime(delivery, "push", List.of(push))).as("the same delivery again").isFalse();

        assertThat(kept.unfinished()).noneMatch(k -> k.deliveryId().equals(delivery));
    }

    @Test
    void finishingAJobThatWasNeverKeptOrIsFinishedAlreadyChangesNothing() {
        String recordedWithoutJobs = UUID.randomUUID().toString();
        deliveries.firstTime(recordedWithoutJobs, "push");
        String neverRecorded = UUID.randomUUID().toString();

        kept.finished(recordedWithoutJobs, 0);
        kept.finished(neverRecorded, 0);

        assertThat(kept.unfinished()).noneMatch(k -> k.deliveryId().equals(recordedWithoutJobs)
                || k.deliveryId().equals(neverRecorded));
        assertThat(deliveries.firstTime(neverRecorded, "push")).as("finishing did not record it").isTrue();
    }
}
