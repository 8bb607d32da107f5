package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.queue.InProcessJobQueue;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.LoadScenario;
import dev.bpkeeper.testing.PatientFakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A small version of the load benchmark (LoadBenchmarkTest), for correctness only: pushes across 20 repositories,
 * some delivered newest first, some delivered twice, all at once. Nothing is lost, every duplicate is dropped, and
 * each repository ends with its branch's head stored as the latest.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PatientFakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookLoadTest {
    static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    EvaluationStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    InProcessJobQueue queue;

    private final FakeGitHub github = PatientFakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenPushesOutOfOrderAndTwiceWhenDeliveredAtOnceThenNothingIsLostAndEachRepositoryEndsAtItsHead()
            throws Exception {
        LoadScenario scenario = new LoadScenario(20, 5, 8, 42);

        LoadScenario.Sent sent = scenario.run(github, URI.create("http://localhost:" + RestAssured.port + "/webhook"),
                5000);

        assertThat(sent.deliveries).isGreaterThanOrEqualTo(100);
        assertThat(sent.outcomes).as("every push queued once, every redelivery dropped")
                .containsEntry("queued", sent.distinctPushes()).containsEntry("duplicate", sent.redeliveries)
                .hasSize(sent.redeliveries > 0 ? 2 : 1);
        Eventually.get(() -> sent.notEvaluated(store), List::isEmpty, WAIT, "every pushed commit evaluated");
        Eventually.get(queue::pending, n -> n == 0, WAIT, "the queue drained");
        assertThat(sent.notAtHead(store)).as("repositories whose latest is not their head").isEmpty();
        assertThat(deadLetters.all()).noneMatch(d -> d.getKey().repository() != null
                && d.getKey().repository().startsWith("load-"));
    }
}
