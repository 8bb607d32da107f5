package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pull request's check run leads with what the pull request changes against the default branch's latest
 * evaluation, and under {@code check_run: gate-regressions} fails only when it makes a MUST newly Unmet. Real
 * {@code pull_request} payloads (opened, synchronize, reopened) against the fake GitHub.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PullRequestDeltaTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String GATE = ".github/openssf-best-practices.yml";
    static final String POLICY = "# Security\n\nReport vulnerabilities privately through GitHub's private"
            + " vulnerability reporting.\n";
    static final String CI = "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@v4\n      - run: mvn -B verify\n";
    /** In a pull request's changes: the file is deleted. */
    static final String GONE = "(deleted)";
    private static final AtomicLong INSTALLATIONS = new AtomicLong(1500);

    @Inject
    EvaluationStore store;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenAPullRequestThatAddsASecurityPolicyThenItsTitleNamesTheCriterionNewlyMetAndTheRegressionGatePasses() {
        Scenario s = scenario(Map.of(GATE, "check_run: gate-regressions\n"));

        CheckRun run = s.pullRequest("opened", Map.of("SECURITY.md", POLICY));

        assertThat(run.title()).startsWith("4 newly Met: `vulnerability_report_process`").contains("passing ")
                .contains("% → ");
        assertThat(run.summary()).contains("**What this change does** (against `" + s.main.substring(0, 7))
                .contains("`vulnerability_report_process`: Unmet → Met").contains("**Regression gate:** passes");
        assertThat(run.conclusion()).isEqualTo("success");
    }

    @Test
    void givenAPullRequestThatDeletesTheSecurityPolicyThenItIsNamedNewlyUnmetAndTheRegressionGateFails() {
        Scenario s = scenario(Map.of(GATE, "check_run: gate-regressions\n", "SECURITY.md", POLICY));

        CheckRun run = s.pullRequest("synchronize", Map.of("SECURITY.md", GONE));

        assertThat(run.title()).startsWith("4 newly Unmet: `vulnerability_report_process`");
        assertThat(run.summary()).contains("`vulnerability_report_process`: Met → Unmet")
                .contains("**Regression gate:** fails: newly Unmet MUST at or below passing: `vulnerability_report_process`");
        assertThat(run.conclusion()).isEqualTo("failure");
    }

    @Test
    void givenAPullRequestThatDeletesTheCiTestStepThenItIsNamedButASuggestedCriterionNeverFailsTheGate() {
        Scenario s = scenario(Map.of(GATE, "check_run: gate-regressions\n", "pom.xml", "<project/>\n",
                "src/test/java/WidgetTest.java", "class WidgetTest {}\n", ".github/workflows/ci.yml", CI));

        CheckRun run = s.pullRequest("reopened", Map.of(".github/workflows/ci.yml", GONE));

        assertThat(run.title()).contains("newly Unmet").contains("test_continuous_integration");
        assertThat(run.summary()).contains("`test_continuous_integration`: Met → Unmet");
        assertThat(run.conclusion()).isEqualTo("success");
    }

    @Test
    void givenAPullRequestThatChangesNoEvidenceThenItsTitleSaysSoAndTheDefaultModeStaysNeutral() {
        Scenario s = scenario(Map.of());

        CheckRun run = s.pullRequest("opened", Map.of("src/Widget.java", "class Widget {}\n"));

        assertThat(run.title()).startsWith("no change in best-practices terms · ");
        assertThat(run.summary()).contains("no criterion changed its answer");
        assertThat(run.conclusion()).isEqualTo("neutral");
    }

    @Test
    void aPullRequestEvaluationCostsWhatAPushCostsTheBaseComesFromStorage() {
        Scenario s = scenario(Map.of());
        github.clearLog();

        s.pullRequest("opened", Map.of("SECURITY.md", POLICY));

        List<RecordedRequest> evaluation = github.requests().stream().filter(r -> !r.appJwt()
                && !r.path().contains("/check-runs") && !r.path().contains("access_tokens")).toList();
        System.out.printf("BENCHMARK GitHub requests per pull request evaluation (besides token and check run):"
                + " %d: %s%n", evaluation.size(), evaluation.stream().map(r -> r.method() + " " + r.path()).toList());
        assertThat(evaluation).as("requests: %s", evaluation).hasSizeLessThanOrEqualTo(4)
                .noneMatch(r -> r.path().contains(s.main));
    }

    @Test
    void givenNoEvaluationOfTheDefaultBranchYetThenThePullRequestGetsTheFullResultAlone() {
        long installation = INSTALLATIONS.incrementAndGet();
        String name = "acme/unseen-" + installation;
        github.installation(installation, "acme", GitHubFaultsTest.READ_ONLY, name);
        FakeRepository repo = github.repository(name).description("Widgets").license("MIT");
        repo.commit("main", Map.of("README.md", "# Widget\n", "LICENSE", LicenseTexts.MIT), "init");
        String head = repo.commit("feature", Map.of("README.md", "# Widget\n", "LICENSE", LicenseTexts.MIT,
                "SECURITY.md", POLICY), "policy");

        Deliveries.send("pull_request", Payloads.pullRequest("opened", name, "main", head, 3, installation));
        CheckRun run = completed(repo, head);

        assertThat(run.title()).doesNotContain("newly").doesNotContain("no change");
        assertThat(run.summary()).doesNotContain("What this change does");
    }

    private Scenario scenario(Map<String, String> extra) {
        long installation = INSTALLATIONS.incrementAndGet();
        String name = "acme/delta-" + installation;
        github.installation(installation, "acme", GitHubFaultsTest.READ_ONLY, name);
        FakeRepository repo = github.repository(name).description("Widgets for everyone").license("MIT");
        Map<String, String> files = new HashMap<>(Map.of("README.md", "# Widget\n\nWidgets for everyone.\n",
                "LICENSE", LicenseTexts.MIT));
        files.putAll(extra);
        String main = repo.commit("main", files, "init");
        Deliveries.send("push", Payloads.push(name, "main", main, installation, Instant.now()));
        completed(repo, main);
        Eventually.get(() -> store.latest(name).map(StoredEvaluation::commitSha).orElse(""), main::equals, WAIT,
                "the base stored as the latest");
        return new Scenario(installation, repo, files, main);
    }

    private final class Scenario {
        final long installation;
        final FakeRepository repo;
        final Map<String, String> files;
        final String main;

        Scenario(long installation, FakeRepository repo, Map<String, String> files, String main) {
            this.installation = installation;
            this.repo = repo;
            this.files = files;
            this.main = main;
        }

        /** The pull request's head: the default branch's files with these changed ({@link #GONE} deletes one). */
        CheckRun pullRequest(String action, Map<String, String> changes) {
            Map<String, String> head = new HashMap<>(files);
            changes.forEach((path, text) -> {
                if (GONE.equals(text)) {
                    head.remove(path);
                } else {
                    head.put(path, text);
                }
            });
            String sha = repo.commit("feature", head, "change");
            Deliveries.send("pull_request", Payloads.pullRequest(action, repo.fullName(), "main", sha, 9,
                    installation));
            return completed(repo, sha);
        }
    }

    private static CheckRun completed(FakeRepository repo, String sha) {
        return Eventually.get(() -> repo.checkRuns().stream()
                        .filter(r -> r.headSha().equals(sha) && "completed".equals(r.status())).findFirst(),
                Optional::isPresent, WAIT, "a completed check run on " + sha).orElseThrow();
    }
}
