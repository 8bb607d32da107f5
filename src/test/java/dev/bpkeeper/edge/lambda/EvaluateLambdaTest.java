package dev.bpkeeper.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.store.InstallationStore;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.QueueConfig;
import dev.bpkeeper.queue.SqsJobQueue;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.ElasticMqResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The evaluate function as Lambda runs it: an SQS batch through Quarkus's mock Lambda event server, with a real SQS
 * engine (ElasticMQ) holding the job queue and its dead-letter queue. Each message is one job. A job that fails is
 * sent back to the queue as a new message, delayed by its back-off and counting the try, and one given up (or a
 * message that is not a job) goes to the dead-letter queue with its reason. Only a message whose sending fails is
 * reported in batchItemFailures, so that SQS delivers that one again alone and deletes the others.
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

    @Inject
    SqsClient sqs;

    @Test
    void givenABatchWithOneGoodJobOneUnreadableMessageAndOneGitHubOutage_whenInvoked_thenTheUnreadableOneIsDeadLetteredAndTheOutageQueuedAgain()
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

        assertThat(identifiers(response)).as("nothing handed back to SQS").isEmpty();
        assertThat(deadLetter(unreadable.body()).messageAttributes().get(SqsJobQueue.REASON).stringValue())
                .startsWith("The message is not a job: ");
        assertThat(json.readValue(nextQueued("acme/batch-outage").body(), Job.class).attempt())
                .as("back on the queue, one try used").isEqualTo(1);
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
     * SQS delays a message 15 minutes at most; a job waiting for a rate limit that resets later says when in a
     * message attribute, and the function sends it back, unrun, when it arrives before then.
     */
    @Test
    void givenAJobThatMustWaitLongerThanSqsCanDelayIt_whenItArrivesEarly_thenItIsSentBackWithoutCallingGitHub()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        github.installation(94, "acme", PERMISSIONS, "acme/later");
        FakeRepository later = github.repository("acme/later").license("MIT");
        String sha = later.commit("main", Map.of("README.md", "# Later\n"), "init");
        int requestsBefore = github.requests().size();

        JsonNode response = invoke(List.of(LambdaEvents.SqsMessage.of(job(94, "acme/later", sha))
                .notBefore(Instant.now().plus(Duration.ofMinutes(40)))));

        assertThat(identifiers(response)).isEmpty();
        assertThat(github.requests()).as("no request to GitHub").hasSize(requestsBefore);
        assertThat(later.checkRuns()).isEmpty();

        JsonNode due = invoke(List.of(LambdaEvents.SqsMessage.of(job(94, "acme/later", sha))
                .notBefore(Instant.now().minus(Duration.ofSeconds(1)))));

        assertThat(identifiers(due)).isEmpty();
        assertThat(later.checkRuns()).as("run once its time has come").hasSize(1);
    }

    /**
     * A job of an installation's first evaluations that keeps failing goes round the queue, one try at a time, and is
     * counted as failed in the installation's progress only when it is given up, on its last try: then it waits in
     * the dead-letter queue with its reason, and the burst is accounted for.
     */
    @Test
    void givenAnInstallationBurstJobFailingEachTry_whenItGoesRoundTheQueue_thenOnlyItsLastTryCountsItAsFailed()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        github.installation(93, "acme", PERMISSIONS, "acme/burst-ok", "acme/burst-down");
        FakeRepository ok = github.repository("acme/burst-ok").license("MIT");
        String okSha = ok.commit("main", Map.of("README.md", "# OK\n"), "init");
        FakeRepository down = github.repository("acme/burst-down").license("MIT");
        String downSha = down.commit("main", Map.of("README.md", "# Down\n"), "init");
        github.faults().next(500).on("GET", "/repos/acme/burst-down.*").respond(502);
        installations.startBurst(93, "acme", 2, "delivery-burst-93");

        JsonNode first = invoke(List.of(LambdaEvents.SqsMessage.of(burstJob(93, "acme/burst-ok", okSha)),
                LambdaEvents.SqsMessage.of(burstJob(93, "acme/burst-down", downSha))));
        assertThat(identifiers(first)).as("the failure is queued again, not handed back to SQS").isEmpty();
        assertThat(installations.progress(93)).hasValueSatisfying(p -> {
            assertThat(p.evaluated()).as("a job that will be tried again is not counted").isEqualTo(1);
            assertThat(p.failed()).isZero();
            assertThat(p.done()).isFalse();
        });

        for (int tried = 1; tried < queues.maxAttempts(); tried++) {
            LambdaEvents.SqsMessage again = nextQueued("acme/burst-down");
            assertThat(json.readValue(again.body(), Job.class).attempt()).isEqualTo(tried);
            assertThat(installations.progress(93)).as("not given up before try %d", tried + 1)
                    .hasValueSatisfying(p -> assertThat(p.failed()).isZero());
            assertThat(identifiers(invoke(List.of(again)))).isEmpty();
        }

        assertThat(installations.progress(93)).hasValueSatisfying(p -> {
            assertThat(p.evaluated()).isEqualTo(1);
            assertThat(p.failed()).isEqualTo(1);
            assertThat(p.done()).as("every repository of the burst is accounted for").isTrue();
        });
        assertThat(deadLetter("\"acme/burst-down\"").messageAttributes().get(SqsJobQueue.REASON).stringValue())
                .startsWith("gave up after " + queues.maxAttempts() + " attempts: ");
        assertThat(down.checkRuns()).isEmpty();
        github.faults().clear();
    }

    /** The first message on the dead-letter queue whose body contains the text. */
    private Message deadLetter(String text) {
        return Eventually.get(() -> sqs.receiveMessage(r -> r.queueUrl(queues.sqsDeadLetterUrl().orElseThrow())
                        .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages().stream()
                        .filter(m -> m.body().contains(text)).findFirst(), java.util.Optional::isPresent,
                Duration.ofSeconds(20), "a dead letter containing " + text).orElseThrow();
    }

    /** The next message on the job queue for that repository, taken off the queue as the event source would. */
    private LambdaEvents.SqsMessage nextQueued(String repository) {
        String url = queues.sqsUrl().orElseThrow();
        Message message = Eventually.get(() -> sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageAttributeNames("All")).messages().stream().filter(m -> m.body().contains("\"" + repository
                        + "\"")).findFirst(), java.util.Optional::isPresent, Duration.ofSeconds(20),
                "a message for " + repository).orElseThrow();
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        var notBefore = message.messageAttributes().get(SqsJobQueue.NOT_BEFORE);
        return new LambdaEvents.SqsMessage(message.messageId(), message.body(), 1,
                notBefore == null ? null : notBefore.stringValue());
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
