package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.PatientFakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes whose deliveries or evaluations finish out of order: the stored latest of a repository (what its badge
 * shows) is always the commit its default branch points at, never an older one that happened to finish last.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PatientFakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutOfOrderPushTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Map<String, String> PERMISSIONS = Map.of("contents", "read", "metadata", "read", "checks", "write");
    private static final AtomicLong INSTALLATIONS = new AtomicLong(700);

    @Inject
    EvaluationStore store;

    private final FakeGitHub github = PatientFakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.faults().clear();
        github.assertNoContractViolations();
    }

    @Test
    void givenAnOlderPushWhoseEvaluationFinishesAfterANewerOnesThenTheNewerCommitStaysLatest() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String older = repo.commit("main", Map.of("README.md", "# Widget\n"), "one");
        // The older evaluation is held after it has seen its commit heading the branch (its check run is created),
        // until the newer push has been evaluated and stored.
        github.faults().next(1).on("PATCH", "/repos/" + repo.fullName() + "/check-runs/.*")
                .delay(Duration.ofSeconds(4));
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", older, installation, Instant.now()));
        Eventually.get(() -> repo.checkRuns().stream().anyMatch(r -> r.headSha().equals(older)), seen -> seen, WAIT,
                "the older commit's check run started");

        String newer = repo.commit("main", Map.of("README.md", "# Widget\n\nNewer.\n"), "two");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", newer, installation, Instant.now()));
        Eventually.get(() -> latestCommit(repo), newer::equals, WAIT, "the newer commit stored as latest");
        assertThat(store.atCommit(repo.fullName(), older)).as("the older evaluation is still held").isEmpty();

        Eventually.get(() -> store.atCommit(repo.fullName(), older), Optional::isPresent, WAIT,
                "the older evaluation stored");
        assertThat(latestCommit(repo)).isEqualTo(newer);
        assertThat(completed(repo, older)).as("the older commit still gets its check run").isTrue();
    }

    @Test
    void givenAPushDeliveredAfterTheBranchMovedOnThenItIsKeptInHistoryAndTheHeadStaysLatest() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String older = repo.commit("main", Map.of("README.md", "# Widget\n"), "one");
        String newer = repo.commit("main", Map.of("README.md", "# Widget\n\nNewer.\n"), "two");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", newer, installation, Instant.now()));
        Eventually.get(() -> latestCommit(repo), newer::equals, WAIT, "the newer commit stored as latest");

        Deliveries.send("push", Payloads.push(repo.fullName(), "main", older, installation, Instant.now()));

        Eventually.get(() -> store.atCommit(repo.fullName(), older), Optional::isPresent, WAIT,
                "the late push evaluated");
        assertThat(latestCommit(repo)).isEqualTo(newer);
    }

    @Test
    void givenTheBranchForcePushedBackToAnEarlierCommitThenThatCommitBecomesLatest() {
        long installation = INSTALLATIONS.incrementAndGet();
        FakeRepository repo = repository(installation);
        String good = repo.commit("main", Map.of("README.md", "# Widget\n"), "one");
        String bad = repo.commit("main", Map.of("README.md", "# Widget\n\nOops.\n"), "two");
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", bad, installation, Instant.now()));
        Eventually.get(() -> latestCommit(repo), bad::equals, WAIT, "the pushed commit stored as latest");

        // The revert is a force push: the branch now points at a commit dated before the one it replaced.
        repo.resetBranch("main", good);
        Deliveries.send("push", Payloads.push(repo.fullName(), "main", good, installation, Instant.now()));

        Eventually.get(() -> latestCommit(repo), good::equals, WAIT, "the branch's head stored as latest");
    }

    private String latestCommit(FakeRepository repo) {
        return store.latest(repo.fullName()).map(StoredEvaluation::commitSha).orElse("");
    }

    private static boolean completed(FakeRepository repo, String sha) {
        return repo.checkRuns().stream().anyMatch(r -> r.headSha().equals(sha) && "completed".equals(r.status()));
    }

    private FakeRepository repository(long installation) {
        String name = "order-" + installation + "/widget";
        github.installation(installation, "order-" + installation, PERMISSIONS, name);
        return github.repository(name).license("MIT");
    }
}
