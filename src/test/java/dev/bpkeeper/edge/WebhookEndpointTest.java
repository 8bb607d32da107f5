package dev.bpkeeper.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.intake.SignatureVerifier;
import dev.bpkeeper.queue.JobQueue;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.RecordingQueue;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /webhook with real GitHub payloads: what is accepted, what is refused, and what ends up queued. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = dev.bpkeeper.testing.FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookEndpointTest {
    private final RecordingQueue queue = new RecordingQueue();

    @BeforeEach
    void recordQueuedJobs() {
        QuarkusMock.installMockForType(queue, JobQueue.class);
    }

    static Stream<JsonNode> examples() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        new ObjectMapper().readTree(Deliveries.example("index.json")).forEach(all::add);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyRealPayloadIsAcceptedOrIgnoredNeverAnError(JsonNode example) {
        Response response = Deliveries.send(example.path("event").asText(),
                Deliveries.example(example.path("file").asText()));

        assertThat(response.statusCode()).as(response.asString()).isIn(200, 202);
        assertThat(response.jsonPath().getString("outcome")).isIn("queued", "ignored");
    }

    @Test
    void aDefaultBranchPushIsQueuedForEvaluationAndAnsweredWith202() {
        Response response = Deliveries.send("push", Deliveries.example("push/branch-created-with-installation.json"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(queue.submitted).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(Job.Kind.EVALUATE);
            assertThat(job.commitSha()).isEqualTo("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
        });
    }

    @Test
    void theSameDeliveryTwiceIsQueuedOnce() {
        byte[] body = Deliveries.example("push/branch-created-with-installation.json");
        String delivery = UUID.randomUUID().toString();

        Response first = Deliveries.send("push", body, delivery);
        Response second = Deliveries.send("push", body, delivery);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.jsonPath().getString("outcome")).isEqualTo("duplicate");
        assertThat(queue.submitted).hasSize(1);
    }

    @Test
    void aForgedSignatureIsRefusedBeforeAnythingIsRead() {
        byte[] body = Deliveries.example("push/branch-created-with-installation.json");

        Response forged = given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "forged-1")
                .header("X-Hub-Signature-256", new SignatureVerifier("guessed secret").sign(body))
                .contentType("application/json").body(body).post("/webhook");
        Response unsigned = given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "forged-2")
                .contentType("application/json").body(body).post("/webhook");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Hello-World", "Hello-Wrld")
                .getBytes(StandardCharsets.UTF_8);
        Response replayed = given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "forged-3")
                .header("X-Hub-Signature-256", new SignatureVerifier(Deliveries.SECRET).sign(body))
                .contentType("application/json").body(tampered).post("/webhook");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.jsonPath().getString("message")).contains("Missing X-Hub-Signature-256");
        assertThat(replayed.statusCode()).as("a signature for another body").isEqualTo(401);
        assertThat(queue.submitted).isEmpty();
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequest() {
        Response response = Deliveries.send("push", "{\"ref\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("message")).startsWith("The body is not valid JSON");
        assertThat(queue.submitted).isEmpty();
    }

    @Test
    void missingEventOrDeliveryHeadersAreABadRequest() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = new SignatureVerifier(Deliveries.SECRET).sign(body);

        Response noEvent = given().header("X-GitHub-Delivery", "d").header("X-Hub-Signature-256", signature)
                .contentType("application/json").body(body).post("/webhook");
        Response noDelivery = given().header("X-GitHub-Event", "push").header("X-Hub-Signature-256", signature)
                .contentType("application/json").body(body).post("/webhook");

        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(noDelivery.statusCode()).isEqualTo(400);
    }

    @Test
    void aFormEncodedWebhookIsRefusedWithAHint() throws Exception {
        byte[] body = "payload=%7B%7D".getBytes(StandardCharsets.UTF_8);

        // REST Assured re-encodes form bodies, so the exact bytes are sent with the JDK client.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                + io.restassured.RestAssured.port + "/webhook"))
                        .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "form-1")
                        .header("X-Hub-Signature-256", new SignatureVerifier(Deliveries.SECRET).sign(body))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("application/json");
    }

    @Test
    void aBodyAbove25MegabytesIsRefused() {
        byte[] body = new byte[25 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        Response response = Deliveries.send("push", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(queue.submitted).isEmpty();
    }

    @Test
    void whenTheQueueRefusesTheDeliveryIsNotAcknowledgedAndCanBeRedelivered() {
        byte[] body = Deliveries.example("push/branch-created-with-installation.json");
        String delivery = UUID.randomUUID().toString();
        queue.refuse = true;

        Response refused = Deliveries.send("push", body, delivery);
        queue.refuse = false;
        Response redelivered = Deliveries.send("push", body, delivery);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(redelivered.statusCode()).as("GitHub's redelivery is accepted").isEqualTo(202);
        assertThat(queue.submitted).hasSize(1);
    }
}
