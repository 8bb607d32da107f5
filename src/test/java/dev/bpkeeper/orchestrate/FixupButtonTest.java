package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.checks.CheckRunPublisher;
import dev.bpkeeper.intake.EventRouter;
import dev.bpkeeper.queue.InProcessJobQueue;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.Payloads;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With automatic fix-ups off, the check run offers a button, and pressing it opens the pull request. */
@QuarkusTest
@TestProfile(FixupButtonTest.ManualFixups.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FixupButtonTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The org turned automatic fix-up pull requests off. */
    public static class ManualFixups implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bpkeeper.fixups.automatic", "false");
        }
    }

    @Inject
    InProcessJobQueue queue;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenAutomaticFixupsOffWhenPushedThenTheCheckRunOffersAButtonThatOpensThePullRequest() {
        long installation = 900;
        String name = "acme/manual";
        github.installation(installation, "acme", FixupPullRequestTest.PERMISSIONS, name);
        FakeRepository repo = github.repository(name).license("MIT");
        String sha = repo.commit("main", Map.of("README.md", "# Manual\n"), "init");

        deliver("push", Payloads.push(name, "main", sha, installation, Instant.now()));

        assertThat(repo.pullRequests()).isEmpty();
        CheckRun run = repo.checkRuns().get(0);
        assertThat(run.actions()).singleElement().satisfies(action -> {
            assertThat(action.path("label").asText()).isEqualTo(CheckRunPublisher.FIXUP_BUTTON).hasSizeLessThan(21);
            assertThat(action.path("identifier").asText()).isEqualTo(EventRouter.OPEN_FIXUP_ACTION);
            assertThat(action.path("description").asText()).hasSizeLessThan(41);
        });

        deliver("check_run", Payloads.checkRunRequestedAction(name, "main", EventRouter.OPEN_FIXUP_ACTION,
                installation));

        assertThat(repo.pullRequests()).singleElement().satisfies(pull -> assertThat(pull.state()).isEqualTo("open"));
        List<CheckRun> runs = repo.checkRuns();
        assertThat(runs.get(runs.size() - 1).actions()).as("no button once the pull request is asked for").isEmpty();
    }

    private void deliver(String event, byte[] payload) {
        assertThat(Deliveries.send(event, payload).statusCode()).isEqualTo(202);
        Eventually.get(queue::pending, n -> n == 0, WAIT, "the queue to drain");
    }
}
