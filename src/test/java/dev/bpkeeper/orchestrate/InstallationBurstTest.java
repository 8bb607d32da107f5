package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.InstallationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.LogCapture;
import dev.bpkeeper.testing.PatientFakeGitHubResource;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.RecordedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The app installed on an organisation with more repositories than one rate-limit window pays for: every one is
 * evaluated, pacing itself by GitHub's x-ratelimit-* headers so that GitHub never has to refuse a request, with its
 * progress in the logs and in the installation's status.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PatientFakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InstallationBurstTest {
    static final int REPOSITORIES = 60;
    /** Well below what 60 evaluations cost (about 6 billed requests each): several windows are needed. */
    static final int LIMIT = 150;
    static final Duration WINDOW = Duration.ofSeconds(3);
    static final long INSTALLATION = 880;
    static final Map<String, String> PERMISSIONS = Map.of("contents", "read", "metadata", "read", "checks", "write");

    @Inject
    EvaluationStore store;

    @Inject
    InstallationStore installations;

    @Inject
    DeadLetters deadLetters;

    @Inject
    dev.bpkeeper.gather.github.GitHubGatherer gatherer;

    @Inject
    dev.bpkeeper.github.GitHubClients clients;

    private final FakeGitHub github = PatientFakeGitHubResource.fake();
    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenAnInstallationLargerThanItsRateLimitWindowWhenInstalledThenEveryRepositoryIsEvaluatedWithoutARefusal() {
        String account = "burst-" + INSTALLATION;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            names.add(account + "/repo-" + i);
        }
        github.installation(INSTALLATION, account, PERMISSIONS, names.toArray(String[]::new));
        Map<String, String> heads = new java.util.HashMap<>();
        for (String name : names) {
            heads.put(name, github.repository(name).license("MIT").commit("main", Map.of("README.md", "# " + name + "\n",
                    "SECURITY.md", "Report privately.\n"), "init"));
        }
        github.rateLimitWindow(INSTALLATION, LIMIT, WINDOW);

        InstallationStore.Progress progress;
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            var response = Deliveries.send("installation", Payloads.installationCreated(INSTALLATION, account, names));

            assertThat(response.statusCode()).isEqualTo(202);
            progress = Eventually.get(() -> installations.progress(INSTALLATION).orElseThrow(),
                    InstallationStore.Progress::done, Duration.ofSeconds(180), "every repository evaluated");
            lines = log.lines().stream().map(LogCapture.Line::text).toList();
        }
        assertThat(progress.evaluated()).isEqualTo(REPOSITORIES);
        assertThat(progress.total()).isEqualTo(REPOSITORIES);
        assertThat(progress.finished().orElseThrow()).isAfter(progress.started());
        assertThat(names).allSatisfy(name -> assertThat(store.latest(name).map(StoredEvaluation::commitSha))
                .as(name).contains(heads.get(name)));

        List<RecordedRequest> spent = github.requests().stream()
                .filter(r -> r.installationId() != null && r.installationId() == INSTALLATION).toList();
        assertThat(spent).as("GitHub never had to refuse a request").noneMatch(r -> r.status() == 403);
        assertThat(spent.stream().filter(RecordedRequest::billed).count())
                .as("more than one window's allowance was spent, so the app waited for resets").isGreaterThan(LIMIT);
        assertThat(deadLetters.all()).noneMatch(d -> d.getKey().installationId() == INSTALLATION);
        List<String> progressLines = lines.stream().filter(l -> l.startsWith("installation " + INSTALLATION))
                .toList();
        assertThat(progressLines)
                .anyMatch(line -> line.startsWith("installation " + INSTALLATION + ": 0/60 evaluated, starting"))
                .anyMatch(line -> line.startsWith("installation " + INSTALLATION + ": 30/60 evaluated in "))
                .anyMatch(line -> java.util.regex.Pattern.compile("^installation " + INSTALLATION
                        + ": 60/60 evaluated in \\d+s, done").matcher(line).find());
    }

    @Test
    void givenARepositoryThatCannotBeEvaluatedWhenInstalledThenTheBurstStillFinishesAndCountsItAsFailed() {
        long installation = INSTALLATION + 1;
        String account = "burst-" + installation;
        List<String> names = List.of(account + "/fine", account + "/broken", account + "/also-fine");
        github.installation(installation, account, PERMISSIONS, names.toArray(String[]::new));
        names.forEach(name -> github.repository(name).commit("main", Map.of("README.md", "# " + name + "\n"), "init"));
        // More failures than the queue has attempts: the broken repository's job ends in the dead letters.
        github.faults().next(20).on("GET", "/repos/" + account + "/broken/git/trees/.*").respond(502);

        Deliveries.send("installation", Payloads.installationCreated(installation, account, names));

        InstallationStore.Progress progress = Eventually.get(() -> installations.progress(installation)
                .orElseThrow(), InstallationStore.Progress::done, Duration.ofSeconds(60), "the burst finished");
        github.faults().clear();
        assertThat(progress.evaluated()).isEqualTo(2);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.summary()).isEqualTo("2 of 3 repositories evaluated, 1 failed");
        assertThat(deadLetters.all()).anyMatch(d -> (account + "/broken").equals(d.getKey().repository()));
    }

    /**
     * GitHub's unsuspend delivery names the installation but no repository (octokit's example, replayed as is):
     * the app asks GET /installation/repositories and evaluates each one it lists, followed as a burst.
     */
    @Test
    void givenASuspendedInstallationWhenUnsuspendedThenEveryRepositoryTheApiListsIsEvaluatedAsABurst() {
        byte[] payload = Deliveries.example("installation/unsuspend.json");
        long installation = 16598467;
        String account = "Codertocat";
        List<String> names = List.of(account + "/alpha", account + "/beta", account + "/gamma");
        github.installation(installation, account, PERMISSIONS, names.toArray(String[]::new));
        Map<String, String> heads = new java.util.HashMap<>();
        names.forEach(name -> heads.put(name, github.repository(name).license("MIT")
                .commit("main", Map.of("README.md", "# " + name + "\n"), "init")));

        var response = Deliveries.send("installation", payload);

        assertThat(response.statusCode()).isEqualTo(202);
        InstallationStore.Progress progress = Eventually.get(() -> installations.progress(installation),
                p -> p.isPresent() && p.get().done(), Duration.ofSeconds(60), "every listed repository evaluated")
                .orElseThrow();
        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.summary()).isEqualTo("all 3 repositories evaluated");
        assertThat(names).allSatisfy(name -> assertThat(store.latest(name).map(StoredEvaluation::commitSha))
                .as(name).contains(heads.get(name)));
        assertThat(github.requests()).filteredOn(r -> r.path().startsWith("/installation/repositories")
                && r.installationId() != null && r.installationId() == installation)
                .as("one page lists them all").hasSize(1);
    }

    @Test
    void givenAnInstallationWithMoreRepositoriesThanAPageWhenListedThenEveryPageIsRead() throws Exception {
        long installation = INSTALLATION + 3;
        String account = "burst-" + installation;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            names.add(account + "/repo-" + i);
        }
        github.installation(installation, account, PERMISSIONS, names.toArray(String[]::new));

        List<String> listed = gatherer.installationRepositories(clients.forInstallation(installation));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
        assertThat(github.requests()).filteredOn(r -> r.path().startsWith("/installation/repositories")
                && r.installationId() != null && r.installationId() == installation).hasSize(3);
    }

    @Test
    void givenAnInstallationWithNoRepositoryWhenListedThenTheListIsEmpty() throws Exception {
        long installation = INSTALLATION + 4;
        github.installation(installation, "burst-" + installation, PERMISSIONS);

        assertThat(gatherer.installationRepositories(clients.forInstallation(installation))).isEmpty();
    }

    @Test
    void givenNoBurstEverStartedThenThereIsNoProgress() {
        assertThat(installations.progress(INSTALLATION + 2)).isEmpty();
    }
}
