package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.act.store.TablesReady;
import dev.bpkeeper.queue.InProcessJobQueue;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.LogCapture;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.RestartableDynamoDbResource;
import dev.bpkeeper.testing.fakegithub.CheckRun;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB stopped and started again while the app works: a delivery it cannot record is refused (GitHub
 * redelivers), an evaluation it cannot store is retried until storage is back, and nothing is done twice on
 * GitHub. Prints "FAULT FIGURE" lines for BENCHMARKS.md; nothing here asserts speed.
 */
@QuarkusTest
@TestProfile(StorageOutageTest.RetriesThatOutlastARestart.class)
@WithTestResource(value = RestartableDynamoDbResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StorageOutageTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> PERMISSIONS = GitHubFaultsTest.READ_ONLY;

    /** Retries spread over about 10 s, so that a restart of DynamoDB Local (about a second) fits in them. */
    public static class RetriesThatOutlastARestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bpkeeper.queue.max-attempts", "8", "bpkeeper.queue.first-backoff", "PT0.25S",
                    "bpkeeper.queue.max-backoff", "PT2S");
        }
    }

    @Inject
    EvaluationStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    InProcessJobQueue queue;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @Inject
    TablesReady tables;

    /** The outages below begin once the app has created its tables (in the background at start). */
    @BeforeEach
    void tablesExist() {
        tables.await(WAIT);
    }

    @AfterEach
    void storageIsBackAndGitHubSawOnlyWhatItsContractAllows() {
        RestartableDynamoDbResource.startAgain();
        github.faults().clear();
        github.assertNoContractViolations();
    }

    @Test
    void givenDynamoDbDownWhenADeliveryArrivesThenItIsRefusedAndItsRedeliveryIsEvaluatedOnce() {
        FakeRepository repo = repository(701);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n", "LICENSE", LicenseTexts.MIT), "init");
        byte[] payload = Payloads.push(repo.fullName(), "main", sha, 701, Instant.now());
        String delivery = UUID.randomUUID().toString();

        RestartableDynamoDbResource.stopNow();
        long refusedAt = System.nanoTime();
        var refused = Deliveries.send("push", payload, delivery);
        long refusalMs = (System.nanoTime() - refusedAt) / 1_000_000;
        RestartableDynamoDbResource.startAgain();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.jsonPath().getString("message")).contains("Redeliver it later");
        assertThat(github.requests()).noneMatch(r -> r.path().contains(repo.fullName()));
        assertThat(Deliveries.send("push", payload, delivery).statusCode()).as("GitHub's redelivery").isEqualTo(202);
        completedCheckRun(repo, sha);
        assertThat(Deliveries.send("push", payload, delivery).jsonPath().getString("outcome")).isEqualTo("duplicate");
        assertThat(repo.checkRuns()).hasSize(1);
        System.out.printf("FAULT FIGURE | DynamoDB down when a delivery arrives | answered 503 in %d ms%n",
                refusalMs);
    }

    /**
     * A DynamoDB that takes connections and never answers would hold the delivery for the SDK's socket timeout
     * (30 s) times its attempts; GitHub gives up on a delivery after 10 s and counts it as failed with no answer
     * to show. The receiver's one write gives up in time to say 503 itself.
     */
    @Test
    void givenDynamoDbThatNeverAnswersWhenADeliveryArrivesThenItIsRefusedBeforeGitHubGivesUpAndRedeliveryWorks() {
        FakeRepository repo = repository(703);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n", "LICENSE", LicenseTexts.MIT), "init");
        byte[] payload = Payloads.push(repo.fullName(), "main", sha, 703, Instant.now());
        String delivery = UUID.randomUUID().toString();

        RestartableDynamoDbResource.hangNow();
        long refusedAt = System.nanoTime();
        io.restassured.response.Response refused;
        try {
            refused = Deliveries.sendWaitingAsLongAsGitHub("push", payload, delivery);
        } finally {
            RestartableDynamoDbResource.startAgain();
        }
        long refusalMs = (System.nanoTime() - refusedAt) / 1_000_000;

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.jsonPath().getString("message")).contains("Storage is unavailable", "Redeliver it later");
        assertThat(github.requests()).noneMatch(r -> r.path().contains(repo.fullName()));
        assertThat(Deliveries.send("push", payload, delivery).statusCode()).as("GitHub's redelivery").isEqualTo(202);
        completedCheckRun(repo, sha);
        assertThat(repo.checkRuns()).hasSize(1);
        System.out.printf("FAULT FIGURE | DynamoDB takes connections but never answers when a delivery arrives |"
                + " answered 503 in %d ms%n", refusalMs);
    }

    @Test
    void givenDynamoDbStoppedMidEvaluationWhenItComesBackThenTheResultIsStoredWithOneCheckRun() {
        FakeRepository repo = repository(702);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n", "LICENSE", LicenseTexts.MIT), "init");
        long stoppedAt;
        long restartedAt;
        long storedAt;
        long failedAttempts;
        StoredEvaluation stored;
        try (LogCapture logs = LogCapture.start()) {
            assertThat(Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, 702, Instant.now()))
                    .statusCode()).isEqualTo(202);
            RestartableDynamoDbResource.stopNow();
            stoppedAt = System.nanoTime();
            // Storage comes back only after an attempt has failed for want of it and been scheduled again.
            Eventually.get(() -> retries(logs, repo), n -> n > 0, WAIT, "a failed attempt");
            RestartableDynamoDbResource.startAgain();
            restartedAt = System.nanoTime();

            stored = Eventually.get(() -> store.latest(repo.fullName()), Optional::isPresent, WAIT,
                    "the result stored once DynamoDB is back").orElseThrow();
            storedAt = System.nanoTime();
            failedAttempts = retries(logs, repo);
        }
        assertThat(stored.commitSha()).isEqualTo(sha);
        assertThat(stored.checkRunUrl()).isNotBlank();
        completedCheckRun(repo, sha);
        assertThat(repo.checkRuns()).as("the retries reuse the check run").hasSize(1)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo("completed"));
        long attempts = failedAttempts + 1;
        assertThat(deadLetters.all()).noneMatch(d -> repo.fullName().equals(d.getKey().repository()));
        System.out.printf("FAULT FIGURE | DynamoDB stopped mid-evaluation, started %d ms later | %d attempts |"
                        + " stored %d ms after the restart%n", (restartedAt - stoppedAt) / 1_000_000, attempts,
                (storedAt - restartedAt) / 1_000_000);
    }

    /** Attempts of this repository's job that failed and were scheduled again, as the queue logged them. */
    private static long retries(LogCapture logs, FakeRepository repo) {
        return logs.lines().stream().filter(l -> l.text().contains("EVALUATE " + repo.fullName() + "@")
                && l.text().contains("; retry ")).count();
    }

    private FakeRepository repository(long installation) {
        String name = "acme/stored-" + installation;
        github.installation(installation, "acme", PERMISSIONS, name);
        return github.repository(name).description("Widgets for everyone").license("MIT");
    }

    private static CheckRun completedCheckRun(FakeRepository repo, String sha) {
        return Eventually.get(() -> repo.checkRuns().stream()
                        .filter(r -> r.headSha().equals(sha) && "completed".equals(r.status())).findFirst(),
                Optional::isPresent, WAIT, "a completed check run (runs: " + repo.checkRuns() + ")").orElseThrow();
    }
}
