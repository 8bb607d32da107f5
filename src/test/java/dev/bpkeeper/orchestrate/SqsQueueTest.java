package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.ElasticMqResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The AWS shape of the pipeline: the webhook queues to SQS, the evaluate function consumes one message. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ElasticMqResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SqsQueueTest {

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    dev.bpkeeper.queue.QueueConfig queues;

    @Test
    void aPushBecomesAnSqsMessageThatTheEvaluateFunctionTurnsIntoACheckRun() throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        github.installation(77, "acme", PushToCheckRunTest.PERMISSIONS, "acme/queued");
        FakeRepository repo = github.repository("acme/queued").license("MIT");
        String sha = repo.commit("main", Map.of("README.md", "# Queued\n"), "init");

        assertThat(Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, 77, Instant.now())).statusCode())
                .isEqualTo(202);

        String queueUrl = queues.sqsUrl().orElseThrow();
        List<Message> messages = Eventually.get(() -> sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages(), m -> !m.isEmpty(),
                Duration.ofSeconds(20), "a message on the queue");
        Job job = json.readValue(messages.get(0).body(), Job.class);
        assertThat(job.kind()).isEqualTo(Job.Kind.EVALUATE);
        assertThat(job.commitSha()).isEqualTo(sha);
        assertThat(repo.checkRuns()).as("nothing runs until the message is consumed").isEmpty();

        // The function takes the message as the SQS event source mapping hands it over, receive count included.
        Map<String, Object> asLambdaGetsIt = Map.of("messageId", messages.get(0).messageId(),
                "body", messages.get(0).body(), "attributes", Map.of("ApproximateReceiveCount", "1"));
        int status = RestAssured.given().contentType("application/json")
                .body(json.writeValueAsString(asLambdaGetsIt)).post("/evaluate").statusCode();

        assertThat(status).isIn(200, 204);
        assertThat(repo.checkRuns()).singleElement().satisfies(run -> {
            assertThat(run.headSha()).isEqualTo(sha);
            assertThat(run.status()).isEqualTo("completed");
        });
        github.assertNoContractViolations();
    }
}
