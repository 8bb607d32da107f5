package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.CheckRun;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import dev.bpkeeper.testing.fakegithub.GraphQlContract;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub misbehaving while the app works, end to end (signed webhook in, check run out): every evaluation either
 * completes or lands in the dead letters with its reason, and no fault makes a second check run or pull request.
 * Each test prints a "FAULT FIGURE" line (attempts, time to recover) for BENCHMARKS.md; nothing here asserts speed.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GitHubFaultsTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, String> READ_ONLY = Map.of("contents", "read", "metadata", "read", "checks", "write");
    static final Map<String, String> FIXUPS = Map.of("contents", "write", "metadata", "read", "checks", "write",
            "pull_requests", "write");
    private static final AtomicLong INSTALLATIONS = new AtomicLong(800);

    @Inject
    EvaluationStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    dev.bpkeeper.act.store.FixupStore fixups;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @AfterEach
    void noFaultLeftArmedAndGitHubSawOnlyWhatItsContractAllows() {
        github.faults().clear();
        github.assertNoContractViolations();
    }

    @Test
    void givenConnectionResetsOnTheTreeWhenPushedThenTheCheckRunCompletesOnce() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(3).on("GET", "/repos/" + s.repo.fullName() + "/git/trees/.*").resetConnection();

        s.push();

        s.completesWithOneCheckRun("connection resets on the tree, 3 in a row");
    }

    @Test
    void givenA5xxOnEachOfThreeReadsWhenPushedThenTheFourthAttemptCompletesTheCheckRun() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(1).on("GET", "/repos/" + s.repo.fullName() + "/git/trees/.*").respond(502);
        github.faults().next(1).on("POST", "/graphql").respond(500);
        github.faults().next(1).on("GET", "/repos/" + s.repo.fullName() + "/private-vulnerability-reporting")
                .respond(504);

        s.push();

        s.completesWithOneCheckRun("a 502, a 500 and a 504 on three different reads, one per attempt");
    }

    @Test
    void givenOne5xxMoreThanTheAttemptsAllowWhenPushedThenTheJobIsDeadLetteredNamingTheLastFailure() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(2).on("GET", "/repos/" + s.repo.fullName() + "/git/trees/.*").respond(502);
        github.faults().next(1).on("POST", "/graphql").respond(503);
        github.faults().next(1).on("GET", "/repos/" + s.repo.fullName() + "/private-vulnerability-reporting")
                .respond(504);

        s.push();

        var dead = Eventually.get(s::deadLetters, list -> !list.isEmpty(), WAIT, "a dead letter");
        assertThat(dead).singleElement().satisfies(d -> assertThat(d.getValue())
                .contains("gave up after 4 attempts", "private-vulnerability-reporting", "504"));
        assertThat(s.repo.checkRuns()).isEmpty();
    }

    @Test
    void givenTheCheckRunCreatedButItsAnswerLostWhenPushedThenNoSecondCheckRunAppears() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(1).on("POST", "/repos/" + s.repo.fullName() + "/check-runs").loseAnswer();

        s.push();

        s.completesWithOneCheckRun("the answer to the check run's creation lost");
        assertThat(s.repo.checkRuns()).allSatisfy(r -> assertThat(r.status()).isEqualTo("completed"));
    }

    @Test
    void givenTheCheckRunUpdateAnswerLostWhenPushedThenTheSameCheckRunIsCompleted() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(1).on("PATCH", "/repos/" + s.repo.fullName() + "/check-runs/.*").loseAnswer();

        s.push();

        s.completesWithOneCheckRun("the answer to the check run's update lost");
    }

    @Test
    void givenTheCheckRunCreationAnsweredTooLateWhenPushedThenNoSecondCheckRunAppears() {
        Scenario s = scenario(READ_ONLY);
        // Done at once, answered beyond the client's 1 s timeout: the caller gave up on a write that happened.
        github.faults().next(1).on("POST", "/repos/" + s.repo.fullName() + "/check-runs")
                .answerLate(Duration.ofMillis(1500));

        s.push();

        s.completesWithOneCheckRun("the check run's creation answered after the client's timeout");
        Eventually.get(() -> s.repo.checkRuns(), runs -> runs.stream().allMatch(r -> "completed".equals(r.status())),
                WAIT, "no check run left in progress");
        assertThat(s.repo.checkRuns()).hasSize(1);
    }

    @Test
    void givenThePrimaryRateLimitSpentWhenPushedThenTheEvaluationWaitsForTheResetAndCompletes() {
        Scenario s = scenario(READ_ONLY);
        Instant reset = Instant.now().plusSeconds(2);
        github.faults().next(1).on("POST", "/graphql").primaryRateLimit(reset);

        s.push();

        s.completesWithOneCheckRun("primary rate limit (403, x-ratelimit-remaining 0, reset in 2 s)");
        List<RecordedRequest> graphql = s.requests("POST", "/graphql");
        assertThat(graphql).hasSizeGreaterThanOrEqualTo(2);
        assertThat(graphql.get(0).status()).isEqualTo(403);
    }

    @Test
    void givenA429WithRetryAfterWhenPushedThenTheEvaluationIsRetriedAndCompletes() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(1).on("GET", "/repos/" + s.repo.fullName() + "/git/trees/.*").secondaryRateLimit(429);

        s.push();

        s.completesWithOneCheckRun("secondary rate limit (429, retry-after 1 s)");
    }

    @Test
    void givenATruncatedTreeWhenPushedThenMissingFilesAreUnknownNotUnmetAndNoFixupIsOpened() {
        Scenario s = scenario(FIXUPS);
        // GitHub lists at most 100,000 entries (7 MB); here the fake stops after one.
        s.repo.truncateTreesAbove(1);

        s.push();

        CheckRun run = s.completesWithOneCheckRun("truncated tree");
        StoredEvaluation stored = Eventually.get(() -> store.latest(s.repo.fullName()), Optional::isPresent, WAIT,
                "the stored evaluation").orElseThrow();
        for (String id : List.of("vulnerability_report_process", "contribution", "code_of_conduct")) {
            assertThat(PushToCheckRunTest.status(stored.view(), id)).as(id).isEqualTo("?");
            assertThat(run.text()).as(id).doesNotContain("❌ | [`" + id + "`]");
        }
        assertThat(run.text()).contains("truncated");
        assertThat(s.repo.pullRequests()).as("a missing file cannot be told from an unlisted one").isEmpty();
        assertThat(github.count("POST", "/repos/" + s.repo.fullName() + "/git/.*")).isZero();
    }

    @Test
    void givenTheFixupsCommitBranchAndPullRequestAnswersLostWhenPushedThenExactlyOnePullRequestIsOpened() {
        Scenario s = scenario(FIXUPS);
        String repoPath = "/repos/" + s.repo.fullName();
        // One per attempt: the fourth and last attempt finds what the lost ones made.
        github.faults().next(1).on("POST", repoPath + "/git/commits").loseAnswer();
        github.faults().next(1).on("POST", repoPath + "/git/refs").loseAnswer();
        github.faults().next(1).on("POST", repoPath + "/pulls").loseAnswer();

        s.push();

        s.completesWithOneCheckRun("lost answers to the fix-up's commit, branch and pull request (check run)");
        // Another test's job may wait in the shared queue for a rate-limit reset: wait for this job's own end.
        Eventually.get(() -> github.faults().pending() == 0 && !s.repo.pullRequests().isEmpty()
                        && fixupsRecorded(s), done -> done, WAIT, "every fault spent and the pull request recorded");
        s.figure("lost answers to the fix-up's commit, branch and pull request (pull request recorded)",
                (System.nanoTime() - s.sentAt) / 1_000_000, "ms to the pull request");
        assertThat(s.repo.pullRequests()).hasSize(1).allSatisfy(p -> assertThat(p.state()).isEqualTo("open"));
        assertThat(s.repo.fileAt(dev.bpkeeper.act.fixup.FixupPublisher.BRANCH, "SECURITY.md")).isPresent();
        assertThat(s.deadLetters()).isEmpty();
    }

    @Test
    void givenTheFixupBranchCreatedButItsAnswerLostWhenPushedThenTheRetryOpensThePullRequestFromIt() {
        Scenario s = scenario(FIXUPS);
        github.faults().next(1).on("POST", "/repos/" + s.repo.fullName() + "/git/refs").loseAnswer();

        s.push();

        s.completesWithOneCheckRun("lost answer to the fix-up branch's creation");
        var pulls = Eventually.get(s.repo::pullRequests, p -> !p.isEmpty(), WAIT, "the fix-up pull request");
        assertThat(pulls).singleElement().satisfies(p -> assertThat(p.head())
                .isEqualTo(dev.bpkeeper.act.fixup.FixupPublisher.BRANCH));
        assertThat(s.repo.fileAt(dev.bpkeeper.act.fixup.FixupPublisher.BRANCH, "SECURITY.md")).isPresent();
    }

    @Test
    void givenAFixupBranchSomeoneElseMadeWhenPushedThenTheAppLeavesItAlone() {
        Scenario s = scenario(FIXUPS);
        String theirs = s.repo.commit(dev.bpkeeper.act.fixup.FixupPublisher.BRANCH, Map.of("SECURITY.md",
                "Mail security@acme.example\n"), "My own security policy");

        s.push();

        s.completesWithOneCheckRun("a fix-up branch made by someone else");
        Eventually.get(() -> s.deadLetters().isEmpty() && fixupsDecided(s), done -> done, WAIT,
                "the fix-up step decided");
        assertThat(s.repo.pullRequests()).isEmpty();
        assertThat(s.repo.branch(dev.bpkeeper.act.fixup.FixupPublisher.BRANCH)).hasValue(theirs);
    }

    @Test
    void givenGitHubDownForLongerThanTheRetriesWhenPushedThenTheJobIsDeadLetteredWithTheLastReason() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(50).on("GET", "/repos/" + s.repo.fullName() + "/git/trees/.*").resetConnection();

        s.push();

        var dead = Eventually.get(s::deadLetters, list -> !list.isEmpty(), WAIT, "a dead letter");
        s.figure("GitHub unreachable for the repository until the retries run out",
                (System.nanoTime() - s.sentAt) / 1_000_000, "ms to the dead letter");
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.getKey().kind()).isEqualTo(Job.Kind.EVALUATE);
            assertThat(d.getKey().commitSha()).isEqualTo(s.sha);
            assertThat(d.getValue()).contains("gave up after 4 attempts", "/repos/" + s.repo.fullName() + "/git/trees/",
                    "no answer");
        });
        assertThat(s.repo.checkRuns()).as("nothing half-done on GitHub").isEmpty();
    }

    @Test
    void givenGitHubRefusesTheGraphQlQueryWhenPushedThenTheJobIsDeadLetteredAtOnceWithGitHubsWords() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(1).on("POST", "/graphql").answerGraphQl(GraphQlContract.refusalDocument(
                "query { repository(owner: \"acme\", name: \"x\") { refs(refPrefix: \"refs/tags/\", first: 1) {"
                        + " nodes { target { ... on Tag { signature { isValid } } } } } } }"), Map.of());

        s.push();

        var dead = Eventually.get(s::deadLetters, list -> !list.isEmpty(), WAIT, "a dead letter");
        assertThat(dead).singleElement().satisfies(d -> assertThat(d.getValue())
                .contains("GitHub refused the query", "Field 'signature' doesn't exist on type 'Tag'", "undefinedField")
                .doesNotContain("gave up after"));
        assertThat(s.requests("POST", "/graphql")).as("not sent again: it cannot succeed").hasSize(1);
        assertThat(s.repo.checkRuns()).isEmpty();
    }

    @Test
    void givenTheGraphQlRateLimitInBothOfGitHubsShapesWhenPushedThenTheJobWaitsForTheResetWithoutUsingItsTries() {
        Scenario s = scenario(READ_ONLY);
        // One more than the 4 attempts a job has: were a rate limit a failure, the job would be dead-lettered.
        for (int i = 0; i < 5; i++) {
            String body = i % 2 == 0
                    ? "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded for installation ID "
                            + s.installation + ".\"}]}"
                    : "{\"errors\":[{\"type\":\"RATE_LIMIT\",\"code\":\"graphql_rate_limit\",\"message\":\"API rate"
                            + " limit exceeded\"}]}";
            github.faults().next(1).on("POST", "/graphql").graphQlRateLimit(body, Instant.now().plusSeconds(1));
        }

        s.push();

        s.completesWithOneCheckRun("GraphQL rate limit, 5 times in a row (both shapes), reset in 1 s");
        assertThat(s.requests("POST", "/graphql")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void givenGraphQlCannotFindTheRepositoryWhenPushedThenTheJobIsLetGoWithoutADeadLetter() {
        Scenario s = scenario(READ_ONLY);
        github.faults().next(1).on("POST", "/graphql").answerGraphQl("{\"data\":{\"repository\":null,\"org\":null},"
                + "\"errors\":[{\"type\":\"NOT_FOUND\",\"path\":[\"repository\"],\"locations\":[{\"line\":1,"
                + "\"column\":9}],\"message\":\"Could not resolve to a Repository with the name '"
                + s.repo.fullName() + "'.\"}]}", Map.of());

        s.push();

        Eventually.get(() -> s.requests("POST", "/graphql"), r -> !r.isEmpty(), WAIT, "the GraphQL query");
        // Nothing follows: no retry, no check run, no dead letter.
        Eventually.get(() -> github.requests().stream().filter(r -> r.path().contains(s.repo.fullName())).count(),
                n -> n >= 1, WAIT, "the tree read");
        assertThat(s.repo.checkRuns()).isEmpty();
        assertThat(s.deadLetters()).isEmpty();
        assertThat(s.requests("POST", "/graphql")).hasSize(1);
    }

    @Test
    void givenGitHubFailsToReadOneFileWhenPushedThenOnlyTheCriteriaReadingItAreUnknownWithTheReason() {
        Scenario s = scenario(READ_ONLY);
        String sha = s.repo.commit("main", Map.of("README.md", "# Widget\n\nWidgets for everyone.\n",
                "LICENSE", LicenseTexts.MIT, "SECURITY.md", "# Security\n\nReport vulnerabilities privately"
                + " through GitHub's private vulnerability reporting; we answer within 14 days.\n"), "security policy");
        s.repo.failReading("SECURITY.md");

        assertThat(Deliveries.send("push", Payloads.push(s.repo.fullName(), "main", sha, s.installation,
                Instant.now())).statusCode()).isEqualTo(202);

        CheckRun run = Eventually.get(() -> s.repo.checkRuns().stream()
                        .filter(r -> r.headSha().equals(sha) && "completed".equals(r.status())).findFirst(),
                Optional::isPresent, WAIT, "a completed check run").orElseThrow();
        assertThat(run.text()).contains("❔ | [`vulnerability_report_private`]")
                .contains("The file SECURITY.md could not be read (GitHub answered Something went wrong")
                .contains("✅ | [`license_location`]").contains("✅ | [`floss_license`]");
        StoredEvaluation stored = Eventually.get(() -> store.latest(s.repo.fullName()), Optional::isPresent, WAIT,
                "the stored result").orElseThrow();
        assertThat(PushToCheckRunTest.status(stored.view(), "vulnerability_report_private")).isEqualTo("?");
        // That the file exists is known from the tree, whatever its text.
        assertThat(PushToCheckRunTest.status(stored.view(), "vulnerability_report_process")).isEqualTo("Met");
        assertThat(PushToCheckRunTest.status(stored.view(), "floss_license")).isEqualTo("Met");
        assertThat(s.deadLetters()).isEmpty();
    }

    /** The app remembers its open pull request once the job's fix-up step is over. */
    private boolean fixupsRecorded(Scenario s) {
        return fixups.read(s.repo.fullName()).open().isPresent();
    }

    /** The fix-up step has looked at the existing branch's commit, its last read before deciding. */
    private boolean fixupsDecided(Scenario s) {
        return github.requests().stream().anyMatch(r -> r.method().equals("GET")
                && r.path().startsWith("/repos/" + s.repo.fullName() + "/git/commits/"));
    }

    private Scenario scenario(Map<String, String> permissions) {
        long installation = INSTALLATIONS.incrementAndGet();
        String name = "acme/faulty-" + installation;
        github.installation(installation, "acme", permissions, name);
        FakeRepository repo = github.repository(name).description("Widgets for everyone").license("MIT");
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n\nWidgets for everyone.\n",
                "LICENSE", LicenseTexts.MIT), "init");
        return new Scenario(installation, repo, sha);
    }

    /** One repository of its own installation, pushed once, and what became of that push. */
    private final class Scenario {
        final long installation;
        final FakeRepository repo;
        final String sha;
        long sentAt;

        Scenario(long installation, FakeRepository repo, String sha) {
            this.installation = installation;
            this.repo = repo;
            this.sha = sha;
        }

        void push() {
            sentAt = System.nanoTime();
            assertThat(Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation,
                    Instant.now())).statusCode()).isEqualTo(202);
        }

        CheckRun completesWithOneCheckRun(String fault) {
            CheckRun run = Eventually.get(() -> repo.checkRuns().stream()
                            .filter(r -> r.headSha().equals(sha) && "completed".equals(r.status())).findFirst(),
                    Optional::isPresent, WAIT, "a completed check run (runs: " + repo.checkRuns() + ")").orElseThrow();
            long tookMs = (System.nanoTime() - sentAt) / 1_000_000;
            // The job ends with the stored result, after the check run reads "completed".
            Eventually.get(() -> store.latest(repo.fullName()).map(StoredEvaluation::commitSha).orElse(""),
                    sha::equals, WAIT, "the result stored");
            figure(fault, tookMs);
            assertThat(repo.checkRuns()).as("check runs on " + sha).hasSize(1);
            assertThat(run.conclusion()).isEqualTo("neutral");
            assertThat(deadLetters()).isEmpty();
            return run;
        }

        List<Map.Entry<Job, String>> deadLetters() {
            return GitHubFaultsTest.this.deadLetters.all().stream()
                    .filter(d -> repo.fullName().equals(d.getKey().repository())).toList();
        }

        List<RecordedRequest> requests(String method, String pathRegex) {
            return github.requests().stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex)
                    && installation == (r.installationId() == null ? -1 : r.installationId())).toList();
        }

        /** Measured, not asserted: what the fault cost. */
        void figure(String fault, long value) {
            figure(fault, value, "ms to completed check run");
        }

        void figure(String fault, long value, String unit) {
            List<RecordedRequest> mine = github.requests().stream()
                    .filter(r -> r.installationId() != null && r.installationId() == installation).toList();
            long faulted = mine.stream().filter(r -> r.fault() != null).count();
            long trees = mine.stream().filter(r -> r.path().contains("/git/trees/")).count();
            System.out.printf("FAULT FIGURE | %s | %d faulted of %d GitHub requests | %d tree reads (≈ attempts)"
                    + " | %d %s%n", fault, faulted, mine.size(), trees, value, unit);
        }
    }
}
