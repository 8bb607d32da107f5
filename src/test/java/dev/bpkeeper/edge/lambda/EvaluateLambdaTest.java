package dev.bpkeeper.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.store.InstallationStore;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.QueueConfig;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.ElasticMqResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The evaluate function as Lambda runs it: an SQS batch through Quarkus's mock Lambda event server. Each message
 * is one job; a message that fails is reported in batchItemFailures, so SQS retries (and finally dead-letters)
 * that one alone and deletes the others.
 */
@Tag("lambda")
@QuarkusTest
@TestProfile(LambdaExports.Evaluate.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ElasticMqResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EvaluateLambdaTest {
    private static final Map<String, String> PERMISSIONS = Map.of("contents", "read", "metadata", "read",
            "checks", "write");

    @Inject
    ObjectMapper json;

    @Inject
    InstallationStore installations;

    @Inject
    QueueConfig queues;

    @Test
    void givenABatchWithOneGoodJobOneUnreadableMessageAndOneGitHubOutage_whenInvoked_thenOnlyTheTwoFailuresAreReported()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        github.installation(91, "acme", PERMISSIONS, "acme/batch-ok", "acme/batch-outage");
        FakeRepository ok = github.repository("acme/batch-ok").license("MIT");
        String okSha = ok.commit("main", Map.of("README.md", "# OK\n"), "init");
        FakeRepository outage = github.repository("acme/batch-outage").license("MIT");
        String outageSha = outage.commit("main", Map.of("README.md", "# Outage\n"), "init");
        github.faults().next(50).on("GET", "/repos/acme/batch-outage.*").respond(502);

        LambdaEvents.SqsMessage good = LambdaEvents.SqsMessage.of(job(91, "acme/batch-ok", okSha));
        LambdaEvents.SqsMessage unreadable = LambdaEvents.SqsMessage.of("{\"kind\": \"EVALUATE\", \"installationId\":");
        LambdaEvents.SqsMessage failing = LambdaEvents.SqsMessage.of(job(91, "acme/batch-outage", outageSha));

        JsonNode response = invoke(List.of(good, unreadable, failing));

        assertThat(identifiers(response)).containsExactlyInAnyOrder(unreadable.messageId(), failing.messageId());
        assertThat(ok.checkRuns()).singleElement().satisfies(run -> {
            assertThat(run.headSha()).isEqualTo(okSha);
            assertThat(run.status()).isEqualTo("completed");
        });
        assertThat(outage.checkRuns()).isEmpty();
        github.faults().clear();
    }

    @Test
    void givenABatchWhoseJobsAllSucceed_whenInvoked_thenNoFailureIsReported() throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        github.installation(92, "acme", PERMISSIONS, "acme/batch-a", "acme/batch-b");
        List<LambdaEvents.SqsMessage> messages = new ArrayList<>();
        for (String name : List.of("acme/batch-a", "acme/batch-b")) {
            FakeRepository repo = github.repository(name).license("Apache-2.0");
            messages.add(LambdaEvents.SqsMessage.of(job(92, name,
                    repo.commit("main", Map.of("README.md", "# " + name + "\n"), "init"))));
        }

        JsonNode response = invoke(messages);

        assertThat(response.has("batchItemFailures")).as("the partial batch response is always sent").isTrue();
        assertThat(identifiers(response)).isEmpty();
        assertThat(github.repository("acme/batch-a").checkRuns()).hasSize(1);
        assertThat(github.repository("acme/batch-b").checkRuns()).hasSize(1);
        github.assertNoContractViolations();
    }

    /**
     * SQS moves a message that failed on its last receive (the redrive policy's maxReceiveCount, equal to
     * bpkeeper.queue.max-attempts) to the dead-letter queue without telling anyone; the function tells the
     * handler itself, so that an installation's progress counts the repository as failed and the burst ends.
     */
    @Test
    void givenAnInstallationBurstJobFailing_whenItFailsOnEachReceive_thenOnlyTheLastReceiveCountsItAsFailed()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        github.installation(93, "acme", PERMISSIONS, "acme/burst-ok", "acme/burst-down");
        FakeRepository ok = github.repository("acme/burst-ok").license("MIT");
        String okSha = ok.commit("main", Map.of("README.md", "# OK\n"), "init");
        FakeRepository down = github.repository("acme/burst-down").license("MIT");
        String downSha = down.commit("main", Map.of("README.md", "# Down\n"), "init");
        github.faults().next(500).on("GET", "/repos/acme/burst-down.*").respond(502);
        installations.startBurst(93, "acme", 2, "delivery-burst-93");
        LambdaEvents.SqsMessage failing = LambdaEvents.SqsMessage.of(burstJob(93, "acme/burst-down", downSha));

        JsonNode first = invoke(List.of(LambdaEvents.SqsMessage.of(burstJob(93, "acme/burst-ok", okSha)), failing));
        assertThat(identifiers(first)).containsExactly(failing.messageId());
        assertThat(installations.progress(93)).hasValueSatisfying(p -> {
            assertThat(p.evaluated()).as("a failure SQS will deliver again is not counted").isEqualTo(1);
            assertThat(p.failed()).isZero();
            assertThat(p.done()).isFalse();
        });

        for (int receive = 2; receive < queues.maxAttempts(); receive++) {
            assertThat(identifiers(invoke(List.of(failing.receivedTimes(receive))))).hasSize(1);
        }
        assertThat(installations.progress(93)).hasValueSatisfying(p -> assertThat(p.failed()).isZero());

        JsonNode last = invoke(List.of(failing.receivedTimes(queues.maxAttempts())));

        assertThat(identifiers(last)).as("still reported, so that SQS dead-letters it").containsExactly(
                failing.messageId());
        assertThat(installations.progress(93)).hasValueSatisfying(p -> {
            assertThat(p.evaluated()).isEqualTo(1);
            assertThat(p.failed()).isEqualTo(1);
            assertThat(p.done()).as("every repository of the burst is accounted for").isTrue();
        });
        assertThat(down.checkRuns()).isEmpty();
        github.faults().clear();
    }

    private String burstJob(long installation, String repository, String sha) throws Exception {
        return json.writeValueAsString(Job.evaluate(installation, repository, sha, Instant.now(),
                "installation created", 0, "delivery-burst-" + installation));
    }

    private String job(long installation, String repository, String sha) throws Exception {
        return json.writeValueAsString(Job.evaluate(installation, repository, sha, Instant.now(), "push", 0,
                "delivery-" + repository));
    }

    private JsonNode invoke(List<LambdaEvents.SqsMessage> messages) throws Exception {
        return json.readTree(RestAssured.given().contentType("application/json")
                .body(LambdaEvents.sqsBatch(messages)).post(LambdaExports.invokeUrl())
                .then().statusCode(200).extract().asString());
    }

    private static List<String> identifiers(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }
}
