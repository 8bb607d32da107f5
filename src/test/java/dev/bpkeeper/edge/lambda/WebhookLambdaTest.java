package dev.bpkeeper.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.SignatureVerifier;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.ElasticMqResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.Payloads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The webhook-event function as Lambda runs it: API Gateway HTTP API (payload 2.0) events through Quarkus's mock
 * Lambda event server, the signature checked over the exact bytes GitHub sent, the job handed to SQS.
 */
@Tag("lambda")
@QuarkusTest
@TestProfile(LambdaExports.Webhook.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ElasticMqResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookLambdaTest {

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    dev.bpkeeper.queue.QueueConfig queues;

    @BeforeEach
    void emptyTheQueue() {
        sqs.purgeQueue(b -> b.queueUrl(queues.sqsUrl().orElseThrow()));
    }

    @Test
    void givenASignedPushWithABase64Body_whenInvoked_thenAcceptedAndOneJobIsOnTheQueue() throws Exception {
        byte[] body = Payloads.push("acme/lambda", "main", "a".repeat(40), 77, Instant.now());

        JsonNode response = invoke(signed("push", body, body), body, true);

        assertThat(response.path("statusCode").asInt()).isEqualTo(202);
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(json.readTree(response.path("body").asText()).path("jobs").asInt()).isEqualTo(1);
        List<Message> queued = received();
        assertThat(queued).singleElement().satisfies(m ->
                assertThat(json.readTree(m.body()).path("commitSha").asText()).isEqualTo("a".repeat(40)));
    }

    @Test
    void givenAPlainTextBody_whenInvoked_thenTheSignatureIsCheckedOverThoseExactBytes() throws Exception {
        // Non-ASCII text and a trailing newline: any re-encoding of the body would break the signature.
        String text = new String(Payloads.push("acme/lambda", "main", "b".repeat(40), 77, Instant.now()),
                StandardCharsets.UTF_8).replace("\"acme/lambda\"", "\"acme/lambda\", \"note\": \"café ☕\"") + "\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        JsonNode response = invoke(signed("push", body, body), body, false);

        assertThat(response.path("statusCode").asInt()).isEqualTo(202);
        assertThat(received()).hasSize(1);
    }

    @Test
    void givenABodyThatIsNotWhatWasSigned_whenInvoked_thenRefusedWith401AndNothingQueued() throws Exception {
        byte[] signedBody = Payloads.push("acme/lambda", "main", "c".repeat(40), 77, Instant.now());
        byte[] tampered = new String(signedBody, StandardCharsets.UTF_8).replace("acme/lambda", "acme/other")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode response = invoke(signed("push", signedBody, tampered), tampered, true);

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(received()).isEmpty();
    }

    @Test
    void givenABodyFlaggedBase64ThatIsNotBase64_whenInvoked_thenRefusedWith400() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String event = LambdaEvents.httpApiV2("POST", "/webhook", signed("push", body, body), body, true)
                .replace("\"body\":\"e30=\"", "\"body\":\"%%% not base64 %%%\"");

        JsonNode response = json.readTree(RestAssured.given().contentType("application/json").body(event)
                .post(LambdaExports.invokeUrl()).then().statusCode(200).extract().asString());

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("body").asText()).contains("not valid base64");
    }

    private Map<String, String> signed(String event, byte[] signedBody, byte[] sentBody) {
        return Map.of("content-type", "application/json", "x-github-event", event,
                "x-github-delivery", UUID.randomUUID().toString(),
                "x-hub-signature-256", new SignatureVerifier(Deliveries.SECRET).sign(signedBody),
                "x-github-hook-installation-target-type", "integration");
    }

    private JsonNode invoke(Map<String, String> headers, byte[] body, boolean base64) throws Exception {
        String event = LambdaEvents.httpApiV2("POST", "/webhook", headers, body, base64);
        return json.readTree(RestAssured.given().contentType("application/json").body(event)
                .post(LambdaExports.invokeUrl()).then().statusCode(200).extract().asString());
    }

    private List<Message> received() {
        return sqs.receiveMessage(b -> b.queueUrl(queues.sqsUrl().orElseThrow()).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
    }
}
