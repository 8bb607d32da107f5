package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.CheckRun;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import dev.bpkeeper.testing.fakegithub.RecordedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The product end to end: a webhook arrives, the check run and the stored result say what the repository lacks. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PushToCheckRunTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, String> PERMISSIONS = Map.of("contents", "read", "metadata", "read", "checks", "write");
    private static final AtomicLong INSTALLATIONS = new AtomicLong(100);

    @Inject
    EvaluationStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    dev.bpkeeper.act.store.InstallationStore installations;

    @Inject
    dev.bpkeeper.queue.InProcessJobQueue queue;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenARepositoryWithoutASecurityPolicyWhenPushedThenTheCheckRunSaysItIsUnmet() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n\nWidgets for everyone.\n",
                "LICENSE", LicenseTexts.MIT, "pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n"),
                "Initial commit");
        github.clearLog();

        var response = Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));

        assertThat(response.statusCode()).isEqualTo(202);
        CheckRun run = completedCheckRun(repo, sha);
        assertThat(run.name()).isEqualTo("OpenSSF Best Practices");
        assertThat(run.conclusion()).isEqualTo("neutral");
        assertThat(run.title()).startsWith("in progress ");
        assertThat(run.text()).contains("❌ | [`vulnerability_report_process`]").contains("✅ | [`license_location`]");
        assertThat(run.summary()).contains("`vulnerability_report_process`").contains("bestpractices.dev/en/projects?as=edit");

        StoredEvaluation stored = Eventually.get(() -> store.latest(repo.fullName()), Optional::isPresent, WAIT,
                "the stored evaluation").orElseThrow();
        assertThat(stored.commitSha()).isEqualTo(sha);
        assertThat(status(stored.view(), "vulnerability_report_process")).isEqualTo("Unmet");
        assertThat(status(stored.view(), "floss_license")).isEqualTo("Met");
        assertThat(stored.checkRunUrl()).isNotBlank();
    }

    @Test
    void aPushEvaluationStaysWithinFourGitHubRequestsBesidesTheTokenAndTheCheckRun() {
        long installation = INSTALLATIONS.incrementAndGet();
        String name = "acme/widget-" + installation;
        // Administration: read adds the one request it allows (the workflow token setting): the most a push costs.
        github.installation(installation, "acme", Map.of("contents", "read", "metadata", "read", "checks", "write",
                "administration", "read"), name);
        FakeRepository repo = github.repository(name).description("Widgets for everyone").license("MIT");
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n", "SECURITY.md", "Report to sec@acme.example\n",
                ".github/workflows/ci.yml", "on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
                        + "    steps:\n      - run: mvn -B verify\n"), "init");
        github.clearLog();

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));
        completedCheckRun(repo, sha);

        List<RecordedRequest> evaluation = github.requests().stream()
                .filter(r -> !r.appJwt() && !r.path().contains("/check-runs")).toList();
        assertThat(evaluation).as("requests: %s", evaluation.stream().map(r -> r.method() + " " + r.path()).toList())
                .hasSizeLessThanOrEqualTo(4)
                .noneMatch(r -> r.method().equals("GET") && r.path().equals("/repos/" + repo.fullName()));
    }

    @Test
    void aNewAnnotatedTagCostsOneRequestForItsSignatureOnceAndTheCheckRunSaysItIsSigned() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String first = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        repo.tag("v1.0.0", first, true, true);
        repo.tag("v0.9.0", first, false, false);
        github.clearLog();

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", first, installation, Instant.now()));
        CheckRun run = completedCheckRun(repo, first);
        String second = repo.commit("main", Map.of("README.md", "# Widget\n\nMore.\n"), "more");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", second, installation, Instant.now()));
        completedCheckRun(repo, second);

        assertThat(github.requests()).filteredOn(r -> r.path().contains("/git/tags/")).as("the tag read once")
                .hasSize(1);
        assertThat(run.text()).contains("v0.9.0 (a lightweight tag, which cannot carry a signature)");
    }

    @Test
    void aSecondPushRevalidatesUnchangedAnswersWithETagsThatCostNoRateLimit() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String first = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", first, installation, Instant.now()));
        completedCheckRun(repo, first);
        String second = repo.commit("main", Map.of("README.md", "# Widget\n\nNow with docs.\n"), "docs");
        github.clearLog();

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", second, installation, Instant.now()));
        completedCheckRun(repo, second);

        List<RecordedRequest> evaluation = github.requests().stream()
                .filter(r -> !r.appJwt() && !r.path().contains("/check-runs") && !r.path().contains("access_tokens"))
                .toList();
        assertThat(evaluation).filteredOn(RecordedRequest::notModified).extracting(RecordedRequest::path)
                .contains("/repos/" + repo.fullName() + "/private-vulnerability-reporting");
        assertThat(evaluation.stream().filter(RecordedRequest::billed).count()).as("billed: %s", evaluation)
                .isLessThanOrEqualTo(2);
        Eventually.get(() -> store.latest(repo.fullName()).map(StoredEvaluation::commitSha).orElse(""),
                second::equals, WAIT, "the second commit stored as the latest");
    }

    @Test
    void givenACommitAlreadyEvaluatedAsLatestWhenItIsPushedAgainThenNoGitHubRequestIsMade() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));
        Eventually.get(() -> store.latest(repo.fullName()).map(StoredEvaluation::commitSha).orElse(""), sha::equals,
                WAIT, "the commit stored as the latest");
        completedCheckRun(repo, sha);
        github.clearLog();
        try (dev.bpkeeper.testing.LogCapture log = dev.bpkeeper.testing.LogCapture.start()) {

            // A second delivery of the same push (sent again, under a new delivery id).
            String again = UUID.randomUUID().toString();
            var response = Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation,
                    Instant.now()), again);

            assertThat(response.statusCode()).isEqualTo(202);
            Eventually.get(() -> log.lines().stream().anyMatch(l -> l.text().contains(again)
                    && l.text().contains("nothing changed")), seen -> seen, WAIT, "the second job handled");
        }
        assertThat(github.requests()).as("nothing asked of GitHub").noneMatch(r -> r.installationId() != null
                && r.installationId() == installation);
        assertThat(repo.checkRuns()).filteredOn(r -> r.headSha().equals(sha)).hasSize(1);
    }

    @Test
    void anUninstalledAppForgetsTheInstallationAndItsResults() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));
        Eventually.get(() -> store.latest(repo.fullName()).isPresent() && installations.find(installation).isPresent(),
                done -> done, WAIT, "the result and the installation stored");
        assertThat(installations.find(installation)).hasValueSatisfying(i -> assertThat(i.account()).isEqualTo("acme"));

        assertThat(Deliveries.send("installation", Payloads.installationDeleted(installation)).statusCode())
                .isEqualTo(202);

        Eventually.get(() -> store.latest(repo.fullName()).isEmpty() && installations.find(installation).isEmpty(),
                done -> done, WAIT, "the installation and its results forgotten");
        assertThat(store.atCommit(repo.fullName(), sha)).isEmpty();
    }

    @Test
    void theLocalEvaluateRouteStartsNoGitHubWorkForAnyoneWhoAsks() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        github.clearLog();

        String job = "{\"kind\":\"EVALUATE\",\"installationId\":" + installation + ",\"repository\":\""
                + repo.fullName() + "\",\"commitSha\":\"" + sha + "\",\"trigger\":\"push\"}";

        int status = io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("messageId", "m-1", "attributes", Map.of("ApproximateReceiveCount", "1"), "body", job))
                .post("/evaluate").statusCode();

        assertThat(status).as("the Lambda-only function is not served here").isEqualTo(404);
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void theSameDeliveryTwiceMakesOneCheckRun() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        byte[] payload = Payloads.push(repo.fullName(), "main", sha, installation, Instant.now());
        String delivery = UUID.randomUUID().toString();

        assertThat(Deliveries.send("push", payload, delivery).statusCode()).isEqualTo(202);
        completedCheckRun(repo, sha);
        assertThat(Deliveries.send("push", payload, delivery).jsonPath().getString("outcome")).isEqualTo("duplicate");

        assertThat(repo.checkRuns()).hasSize(1);
    }

    @Test
    void aPullRequestGetsItsCheckRunButNeverChangesTheBadge() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String main = repo.commit("main", Map.of("README.md", "# Widget\n", "SECURITY.md", "Report privately.\n"),
                "init");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", main, installation, Instant.now()));
        completedCheckRun(repo, main);
        String head = repo.commit("feature", Map.of("README.md", "# Widget\n"), "drop the policy");

        Deliveries.send("pull_request", Payloads.pullRequestOpened(repo.fullName(), "main", head, 7, installation));
        completedCheckRun(repo, head);
        Eventually.get(() -> store.atCommit(repo.fullName(), head), Optional::isPresent, WAIT, "the PR head stored");

        StoredEvaluation latest = store.latest(repo.fullName()).orElseThrow();
        assertThat(latest.commitSha()).isEqualTo(main);
        assertThat(status(latest.view(), "vulnerability_report_process")).isEqualTo("Met");
        assertThat(store.atCommit(repo.fullName(), head)).isPresent();
    }

    @Test
    void gitHubOutagesAndRateLimitsAreRetriedUntilTheCheckRunCompletes() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        github.faults().next(2).on("GET", "/repos/.*/git/trees/.*").respond(502);
        github.faults().next(1).on("POST", "/graphql").secondaryRateLimit(403);

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));

        CheckRun run = completedCheckRun(repo, sha);
        assertThat(run.conclusion()).isEqualTo("neutral");
        assertThat(repo.checkRuns()).as("a retry reuses the check run its first attempt created").hasSize(1);
    }

    @Test
    void aGitHubThatStopsAnsweringTimesOutAndTheEvaluationIsRetried() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        github.faults().next(1).on("POST", "/graphql").delay(Duration.ofSeconds(3));

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));

        assertThat(completedCheckRun(repo, sha).conclusion()).isEqualTo("neutral");
        assertThat(github.count("POST", "/graphql")).as("the timed-out query was asked again").isGreaterThanOrEqualTo(2);
    }

    /**
     * The reset comes a few seconds later (a window of its own, as GitHub's hour), so the waiting job also runs to
     * its end within the test: a job left waiting for an hour in the queue this class shares with others would
     * outlive the test and keep that queue busy for every test after it.
     */
    @Test
    void anInstallationThatHasAlmostSpentItsRateLimitWaitsForTheResetInsteadOfFailing() throws Exception {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String first = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        // One evaluation spends 7 requests: 15 left afterwards is below the reserve the guard keeps.
        github.rateLimitWindow(installation, dev.bpkeeper.github.RateLimitGuard.RESERVE + 2, Duration.ofSeconds(10));
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", first, installation, Instant.now()));
        completedCheckRun(repo, first);
        // The job ends with its last annotations and the stored result, after the check run reads "completed".
        Eventually.get(() -> store.latest(repo.fullName()).isPresent(), done -> done, WAIT, "the first result stored");
        String second = repo.commit("main", Map.of("README.md", "# Widget 2\n"), "two");
        github.clearLog();

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", second, installation, Instant.now()));
        Thread.sleep(1_500);

        assertThat(repo.checkRuns()).noneMatch(r -> r.headSha().equals(second));
        assertThat(github.requests()).as("nothing spent while waiting").noneMatch(r -> !r.appJwt()
                && r.installationId() != null && r.installationId() == installation);
        assertThat(deadLetters.all()).noneMatch(d -> repo.fullName().equals(d.getKey().repository()));
        assertThat(queue.pending()).as("the job waits in the queue").isPositive();
        assertThat(completedCheckRun(repo, second).headSha()).as("evaluated after the reset").isEqualTo(second);
        assertThat(github.requests()).as("GitHub never had to refuse a request").noneMatch(r -> r.status() == 403);
    }

    @Test
    void aTreeRequestThatHangsTimesOutAndTheEvaluationIsRetried() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        // Longer than the whole wait below: only a request timeout and a retry can complete the check run in time.
        github.faults().next(1).on("GET", "/repos/" + repo.fullName() + "/git/trees/.*").delay(Duration.ofSeconds(60));

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));

        assertThat(completedCheckRun(repo, sha).conclusion()).isEqualTo("neutral");
        assertThat(deadLetters.all()).noneMatch(d -> repo.fullName().equals(d.getKey().repository()));
    }

    @Test
    void aJobThatKeepsFailingEndsInTheDeadLettersWithItsReason() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n"), "init");
        github.faults().next(20).on("GET", "/repos/" + repo.fullName() + "/git/trees/.*").respond(503);

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));

        var dead = Eventually.get(() -> deadLetters.all().stream()
                        .filter(d -> repo.fullName().equals(d.getKey().repository())).toList(),
                list -> !list.isEmpty(), WAIT, "a dead letter");
        assertThat(dead.get(0).getValue()).contains("gave up after 4 attempts").contains("503");
        github.faults().clear();
    }

    private FakeRepository repository(long installation) {
        String name = "acme/widget-" + installation;
        github.installation(installation, "acme", PERMISSIONS, name);
        return github.repository(name).description("Widgets for everyone").license("MIT");
    }

    private static CheckRun completedCheckRun(FakeRepository repo, String sha) {
        return Eventually.get(() -> repo.checkRuns().stream()
                        .filter(r -> r.headSha().equals(sha) && "completed".equals(r.status())).findFirst(),
                Optional::isPresent, WAIT, "a completed check run on " + sha + " (runs: " + repo.checkRuns() + ")")
                .orElseThrow();
    }

    static String status(AssessmentView view, String id) {
        return view.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().status();
    }
}
