package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.Pages;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.CheckRun;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
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
 * The configuration file end to end: a repository (and its organisation) say something in
 * {@code openssf-best-practices.yml}, a push arrives, and the check run, its conclusion and the stored result show it.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConfigurationEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CONFIG = ".github/openssf-best-practices.yml";
    static final String NAME = "OpenSSF Best Practices";
    private static final AtomicLong INSTALLATIONS = new AtomicLong(700);

    @Inject
    EvaluationStore store;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenMaintainersDeclareAnswersWhenPushedThenTheCheckRunShowsThemAndTheyCount() {
        long installation = INSTALLATIONS.incrementAndGet();
        long other = INSTALLATIONS.incrementAndGet();
        FakeRepository plain = repository(other, "acme", "plain");
        FakeRepository declared = repository(installation, "acme", "declared");
        Map<String, String> files = widget();
        String plainSha = plain.commit("main", files, "init");
        files.put(CONFIG, """
                criteria:
                  build:
                    status: N/A
                    justification: A documentation project; nothing is built.
                  crypto_weaknesses:
                    status: N/A
                    justification: The project does no cryptography.
                """);
        String declaredSha = declared.commit("main", files, "init");

        push(plain, plainSha, other);
        push(declared, declaredSha, installation);

        CheckRun run = completedCheckRun(declared, declaredSha, NAME);
        assertThat(run.text()).contains("➖ | [`build`]").contains("A documentation project; nothing is built."
                + " _(declared by maintainers)_");
        assertThat(run.summary()).contains("**Declared by maintainers:** 2 answers in `" + CONFIG + "`")
                .doesNotContain("Configuration problems");
        AssessmentView withAnswers = stored(declared.fullName()).view();
        AssessmentView without = stored(plain.fullName()).view();
        assertThat(criterion(withAnswers, "build").status()).isEqualTo("N/A");
        assertThat(criterion(withAnswers, "build").source()).isEqualTo("maintainer");
        assertThat(criterion(without, "build").source()).isEqualTo("evaluator");
        assertThat(passing(withAnswers).counted()).as("the declared answers count")
                .isEqualTo(passing(without).counted() + (countsAlready(without, "build") ? 1 : 2));
    }

    @Test
    void givenAGateWhenAMustIsUnmetThenTheCheckRunFailsAndWhenMaintainersAnswerThemAllThenItSucceeds() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation, "acme", "gated");
        Map<String, String> files = widget();
        files.put(CONFIG, "check_run: gate\n");
        String first = repo.commit("main", files, "init");

        push(repo, first, installation);

        CheckRun failed = completedCheckRun(repo, first, NAME);
        assertThat(failed.conclusion()).isEqualTo("failure");
        assertThat(failed.summary()).contains("**Target level:** passing").contains("`vulnerability_report_process`")
                .contains("the gate fails until they are met");
        List<String> unmet = Eventually.get(() -> store.atCommit(repo.fullName(), first), Optional::isPresent, WAIT,
                "the first result").orElseThrow().view().levels().get(0).blocking();
        assertThat(unmet).contains("vulnerability_report_process");

        StringBuilder answers = new StringBuilder("check_run: gate\ncriteria:\n");
        unmet.forEach(id -> answers.append("  ").append(id).append(":\n    status: Met\n    justification: Done,"
                + " see https://acme.example/").append(id).append('\n'));
        files.put(CONFIG, answers.toString());
        String second = repo.commit("main", files, "answer the MUSTs");
        push(repo, second, installation);

        CheckRun passed = completedCheckRun(repo, second, NAME);
        assertThat(passed.conclusion()).as(passed.summary()).isEqualTo("success");
        assertThat(passed.summary()).contains("the gate passes");
    }

    @Test
    void givenAnInvalidConfigurationWhenPushedThenTheCheckRunSaysPreciselyWhatIsWrongAndTheDefaultsApply() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation, "acme", "typo");
        Map<String, String> files = widget();
        files.put(CONFIG, """
                check_run: gating
                target_level: silver
                criteria:
                  no_such_criterion:
                    status: Met
                    justification: We do it.
                  vulnerability_report_process:
                    status: N/A
                    justification: Nobody uses it.
                """);
        String sha = repo.commit("main", files, "init");

        push(repo, sha, installation);

        CheckRun run = completedCheckRun(repo, sha, NAME);
        assertThat(run.conclusion()).as("the default mode, neutral").isEqualTo("neutral");
        assertThat(run.title()).as("the valid target still applies").startsWith("target silver ");
        assertThat(run.summary()).contains("**⚠️ Configuration problems**")
                .contains(CONFIG + ", line 1, `check_run`: `gating` is not allowed; use one of neutral, gate, gate-regressions, off")
                .contains(CONFIG + ", line 4, `criteria.no_such_criterion`: is not a criterion id")
                .contains(CONFIG + ", line 8, `criteria.vulnerability_report_process.status`: N/A is not allowed");
        assertThat(run.text()).contains("❌ | [`vulnerability_report_process`]");
    }

    @Test
    void givenAnOrganisationDefaultWhenARepositoryOverridesItThenTheRepositoryWinsExceptWhereItIsLocked() {
        long installation = INSTALLATIONS.incrementAndGet();
        String owner = "globex" + installation;
        FakeRepository org = github.repository(owner + "/.github");
        org.commit("main", Map.of("openssf-best-practices.yml", """
                target_level: silver
                check_run: gate
                badge_id: 1234
                locked: [target_level]
                """), "organisation defaults");
        FakeRepository repo = repository(installation, owner, "widget", owner + "/.github");
        Map<String, String> files = widget();
        files.put(CONFIG, "target_level: gold\ncheck_run: neutral\n");
        String sha = repo.commit("main", files, "init");
        github.clearLog();

        push(repo, sha, installation);

        CheckRun run = completedCheckRun(repo, sha, NAME);
        assertThat(run.conclusion()).as("the repository's own mode").isEqualTo("neutral");
        assertThat(run.title()).as("the organisation's locked target").startsWith("target silver ");
        assertThat(run.summary()).contains(CONFIG + ", line 1, `target_level`: is locked by " + owner
                + "/.github: openssf-best-practices.yml; its value there applies")
                .contains("https://www.bestpractices.dev/en/projects/1234/passing/edit?");
        assertThat(github.count("POST", "/graphql")).as("the organisation's file came with the snapshot's query")
                .isEqualTo(1);
        assertThat(stored(repo.fullName()).badgeId()).as("the report's edit links follow it").contains(1234L);
    }

    @Test
    void givenTheCheckRunIsOffWhenPushedThenThereIsNoneButTheResultIsStored() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation, "acme", "quiet");
        Map<String, String> files = widget();
        files.put(CONFIG, "check_run: off\n");
        String sha = repo.commit("main", files, "init");

        push(repo, sha, installation);

        StoredEvaluation stored = stored(repo.fullName());
        assertThat(stored.commitSha()).isEqualTo(sha);
        assertThat(stored.checkRunUrl()).isNull();
        assertThat(repo.checkRuns()).isEmpty();
    }

    @Test
    void givenAMonorepoWithPathsWhenPushedThenEachPathIsItsOwnProjectWithItsOwnCheckRunAndResult() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation, "acme", "monorepo");
        String sha = repo.commit("main", Map.of(
                "README.md", "# Monorepo\n",
                "LICENSE", LicenseTexts.MIT,
                CONFIG, "paths: [services/api, services/web, services/gone]\n",
                "services/api/README.md", "# API\n\nServes widgets.\n",
                "services/api/SECURITY.md", "Report vulnerabilities to https://acme.example/security\n",
                "services/api/pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n",
                "services/web/README.md", "# Web\n",
                "services/web/.github/openssf-best-practices.yml", "check_run: gate\n"), "init");
        github.clearLog();

        push(repo, sha, installation);

        CheckRun api = completedCheckRun(repo, sha, NAME + " (services/api)");
        CheckRun web = completedCheckRun(repo, sha, NAME + " (services/web)");
        assertThat(api.text()).contains("✅ | [`vulnerability_report_process`]");
        assertThat(web.text()).contains("❌ | [`vulnerability_report_process`]");
        assertThat(api.conclusion()).isEqualTo("neutral");
        assertThat(web.conclusion()).as("the sub-project's own file").isEqualTo("failure");
        assertThat(api.summary()).contains("`services/gone` is not a directory of the repository at this commit");
        assertThat(api.annotations()).extracting(a -> a.path("path").asText()).contains("services/api/SECURITY.md");
        assertThat(repo.checkRuns()).extracting(CheckRun::name).doesNotContain(NAME);
        StoredEvaluation stored = stored(repo.fullName() + "/services/api");
        assertThat(criterion(stored.view(), "vulnerability_report_process").status()).isEqualTo("Met");
        assertThat(criterion(stored.view(), "floss_license").status()).as("the root licence shows through")
                .isEqualTo("Met");
        assertThat(stored(repo.fullName() + "/services/web").view().name()).isEqualTo(repo.fullName() + "/services/web");
        assertThat(store.latest(repo.fullName())).as("the root is not a project here").isEmpty();
        assertThat(github.count("POST", "/graphql")).as("one query for the repository, one per path").isEqualTo(3);
    }

    @Test
    void givenAMonorepoWithPathsAAndBWhenPushedAgainListingOnlyAThenBIsNoLongerServedAndTheOrgPageListsOnlyA() {
        long installation = INSTALLATIONS.incrementAndGet();
        String owner = "initech" + installation;
        FakeRepository repo = repository(installation, owner, "monorepo");
        Map<String, String> files = new HashMap<>(Map.of(
                "README.md", "# Monorepo\n",
                "LICENSE", LicenseTexts.MIT,
                CONFIG, "paths: [a, b]\n",
                "a/README.md", "# A\n",
                "b/README.md", "# B\n"));
        String first = repo.commit("main", files, "init");
        push(repo, first, installation);
        completedCheckRun(repo, first, NAME + " (b)");
        String a = repo.fullName() + "/a";
        String b = repo.fullName() + "/b";
        assertThat(stored(b).commitSha()).isEqualTo(first);
        String bBadge = Pages.badge(b);
        assertThat(Eventually.get(() -> Pages.get(bBadge).statusCode(), s -> s == 200, WAIT, "b's badge"))
                .isEqualTo(200);

        files.put(CONFIG, "paths: [a]\n");
        String second = repo.commit("main", files, "b is evaluated no more");
        push(repo, second, installation);

        completedCheckRun(repo, second, NAME + " (a)");
        Eventually.get(() -> store.latest(b), Optional::isEmpty, WAIT, "b's result retired");
        assertThat(store.latest(a).orElseThrow().commitSha()).isEqualTo(second);
        assertThat(store.atCommit(b, first)).as("b's history stays").isPresent();
        assertThat(repo.checkRuns()).filteredOn(r -> r.headSha().equals(second)).extracting(CheckRun::name)
                .containsExactly(NAME + " (a)");
        assertThat(Eventually.get(() -> Pages.get(bBadge).statusCode(), s -> s == 404, WAIT, "b's badge gone"))
                .isEqualTo(404);
        assertThat(Pages.get(Pages.report(b)).statusCode()).isEqualTo(404);
        assertThat(Pages.get(Pages.reportJson(b)).statusCode()).isEqualTo(404);
        String org = Eventually.get(() -> Pages.get(Pages.org(owner)).asString(), page -> !page.contains("data-repository=\"" + b + "\""),
                WAIT, "the org page without b");
        assertThat(org).contains("data-repository=\"" + a + "\"").doesNotContain("data-repository=\"" + b + "\"");
    }

    private FakeRepository repository(long installation, String owner, String name, String... others) {
        String fullName = owner + "/" + name + "-" + installation;
        String[] names = new String[others.length + 1];
        names[0] = fullName;
        System.arraycopy(others, 0, names, 1, others.length);
        github.installation(installation, owner, PushToCheckRunTest.PERMISSIONS, names);
        return github.repository(fullName).description("Widgets for everyone").license("MIT");
    }

    private static Map<String, String> widget() {
        return new HashMap<>(Map.of("README.md", "# Widget\n\nWidgets for everyone.\n", "LICENSE", LicenseTexts.MIT));
    }

    private static void push(FakeRepository repo, String sha, long installation) {
        assertThat(Deliveries.send("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()))
                .statusCode()).isEqualTo(202);
    }

    private StoredEvaluation stored(String project) {
        return Eventually.get(() -> store.latest(project), Optional::isPresent, WAIT, "the stored evaluation of "
                + project).orElseThrow();
    }

    private static CheckRun completedCheckRun(FakeRepository repo, String sha, String name) {
        return Eventually.get(() -> repo.checkRuns().stream().filter(r -> r.headSha().equals(sha)
                                && r.name().equals(name) && "completed".equals(r.status())).findFirst(),
                Optional::isPresent, WAIT, "a completed check run " + name + " on " + sha + " (runs: "
                        + repo.checkRuns() + ")").orElseThrow();
    }

    private static AssessmentView.CriterionView criterion(AssessmentView view, String id) {
        return view.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static AssessmentView.LevelView passing(AssessmentView view) {
        return view.levels().stream().filter(l -> l.level().equals("passing")).findFirst().orElseThrow();
    }

    private static boolean countsAlready(AssessmentView view, String id) {
        return criterion(view, id).levels().stream().filter(l -> l.level().equals("passing")).findFirst()
                .orElseThrow().counts();
    }
}
