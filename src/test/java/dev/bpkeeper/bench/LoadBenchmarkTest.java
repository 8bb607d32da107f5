package dev.bpkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.queue.InProcessJobQueue;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.LoadScenario;
import dev.bpkeeper.testing.PatientFakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.RecordedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load figures of BENCHMARKS.md: at least 2,000 signed push deliveries across 200 repositories (a third
 * delivered newest first, one in ten redelivered), sent by 16 clients at once to the app on loopback, backed by the
 * fake GitHub and DynamoDB Local in the same JVM. Prints the figures; asserts only correctness (nothing lost).
 * Run with {@code ./mvnw test -Dtest=LoadBenchmarkTest -Dgroups=benchmark -DexcludedGroups=none}; sizes with
 * {@code -Dbench.repositories=200 -Dbench.pushes=10}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PatientFakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LoadBenchmarkTest {

    @Inject
    EvaluationStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    InProcessJobQueue queue;

    @Test
    void measure() throws Exception {
        FakeGitHub github = PatientFakeGitHubResource.fake();
        LoadScenario scenario = new LoadScenario(Integer.getInteger("bench.repositories", 200),
                Integer.getInteger("bench.pushes", 10), 16, 42);
        github.clearLog();
        long start = System.nanoTime();

        LoadScenario.Sent sent = scenario.run(github, URI.create("http://localhost:" + RestAssured.port + "/webhook"),
                20_000);
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        Eventually.get(() -> sent.notEvaluated(store), List::isEmpty, Duration.ofMinutes(20),
                "every pushed commit evaluated");
        Eventually.get(queue::pending, n -> n == 0, Duration.ofMinutes(5), "the queue drained");
        double doneSeconds = (System.nanoTime() - start) / 1e9;

        List<String> notAtHead = sent.notAtHead(store);
        List<RecordedRequest> requests = sent.installationRequests(github);
        long checkRuns = requests.stream().filter(r -> r.path().contains("/check-runs")).count();
        int evaluations = sent.distinctPushes();
        System.gc();
        System.out.printf("%nBENCHMARK load: %d deliveries (%d pushes to %d repositories, %d redelivered) sent in"
                        + " %.1f s by 16 clients; statuses %s, outcomes %s%n", sent.deliveries, evaluations,
                scenario.repositories(), sent.redeliveries, sentSeconds, sent.statuses, sent.outcomes);
        System.out.printf("BENCHMARK load: ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sent.ackMillis(0.5),
                sent.ackMillis(0.99), sent.ackMillis(1.0));
        System.out.printf("BENCHMARK load: %d evaluations completed in %.1f s (%.1f per second), %d duplicates"
                        + " dropped, %d dead letters, %d repositories whose latest is not their head%n", evaluations,
                doneSeconds, evaluations / doneSeconds, sent.outcomes.getOrDefault("duplicate", 0),
                deadLetters.all().size(), notAtHead.size());
        System.out.printf("BENCHMARK load: GitHub requests per evaluation %.2f (%.2f besides the check run), %.2f"
                        + " billed%n", requests.size() / (double) evaluations,
                (requests.size() - checkRuns) / (double) evaluations,
                requests.stream().filter(RecordedRequest::billed).count() / (double) evaluations);
        System.out.printf("BENCHMARK load: resident memory after the run %s (app, fake GitHub and DynamoDB Local in"
                + " one JVM), heap used %d MB%n%n", rss(), (Runtime.getRuntime().totalMemory()
                - Runtime.getRuntime().freeMemory()) / (1024 * 1024));

        assertThat(sent.outcomes).containsEntry("queued", evaluations)
                .containsEntry("duplicate", sent.redeliveries);
        assertThat(notAtHead).isEmpty();
    }

    static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring("VmRSS:".length()).strip()).findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
