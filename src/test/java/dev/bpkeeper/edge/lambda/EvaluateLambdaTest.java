package dev.bpkeeper.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
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
