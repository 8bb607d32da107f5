package dev.bpkeeper.bench;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The installation burst of BENCHMARKS.md: the app installed on an organisation of 1,000 repositories whose rate
 * limit (compressed: 3,000 requests a minute instead of 5,000 an hour) is smaller than the burst costs, then the
 * same installation evaluated again with the ETags of the first run cached. Prints the figures; asserts that every
 * repository was evaluated and that GitHub never refused a request.
 * Run with {@code ./mvnw test -Dtest=InstallationBurstBenchmarkTest -Dgroups=benchmark -DexcludedGroups=none};
 * sizes with {@code -Dbench.repositories=1000 -Dbench.limit=3000 -Dbench.window=PT60S}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PatientFakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InstallationBurstBenchmarkTest {
    static final long INSTALLATION = 30_000;

    @Inject
    EvaluationStore store;

    @Inject
    InstallationStore installations;

    @Inject
    DeadLetters deadLetters;

    @Test
    void measure() {
        FakeGitHub github = PatientFakeGitHubResource.fake();
        int repositories = Integer.getInteger("bench.repositories", 1000);
        int limit = Integer.getInteger("bench.limit", 3000);
        Duration window = Duration.parse(System.getProperty("bench.window", "PT60S"));
        String account = "burst-bench";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            names.add(account + "/repo-" + i);
        }
        github.installation(INSTALLATION, account, Map.of("contents", "read", "metadata", "read", "checks", "write"),
                names.toArray(String[]::new));
        Map<String, String> heads = new HashMap<>();
        for (String name : names) {
            heads.put(name, github.repository(name).license("MIT").commit("main", Map.of("README.md",
                    "# " + name + "\n", "SECURITY.md", "Report privately.\n", "pom.xml", "<project/>\n"), "init"));
        }
        github.rateLimitWindow(INSTALLATION, limit, window);

        System.out.printf("%nBENCHMARK installation burst: %d repositories, rate limit %d requests per %s%n",
                repositories, limit, window);
        burst(github, names, "cold ETag cache");
        assertThat(names).allSatisfy(name -> assertThat(store.latest(name).map(StoredEvaluation::commitSha))
                .contains(heads.get(name)));
        burst(github, names, "warm ETag cache");
        System.out.printf("BENCHMARK installation burst: resident memory after both runs %s%n%n",
                LoadBenchmarkTest.rss());
        assertThat(deadLetters.all()).noneMatch(d -> d.getKey().installationId() == INSTALLATION);
    }

    private void burst(FakeGitHub github, List<String> names, String label) {
        github.clearLog();
        long start = System.nanoTime();
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            Deliveries.send("installation", Payloads.installationCreated(INSTALLATION, "burst-bench", names));
            Eventually.get(() -> installations.progress(INSTALLATION).orElseThrow(), InstallationStore.Progress::done,
                    Duration.ofMinutes(30), "every repository evaluated");
            lines = log.lines().stream().map(LogCapture.Line::text).toList();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<RecordedRequest> spent = github.requests().stream()
                .filter(r -> r.installationId() != null && r.installationId() == INSTALLATION).toList();
        long billed = spent.stream().filter(RecordedRequest::billed).count();
        long refused = spent.stream().filter(r -> r.status() == 403).count();
        long pauses = lines.stream().filter(l -> l.contains("has spent its rate limit")).count();
        System.out.printf("BENCHMARK installation burst (%s): %d repositories evaluated in %.1f s; %.2f requests"
                        + " per repository sent, %.2f billed; %d times a job waited for a reset; %d requests refused%n",
                label, names.size(), seconds, spent.size() / (double) names.size(), billed / (double) names.size(),
                pauses, refused);
        lines.stream().filter(l -> l.startsWith("installation " + INSTALLATION + ":")).filter(l -> l.contains("00/")
                || l.contains("done")).forEach(l -> System.out.println("BENCHMARK   log: " + l.replaceAll(" \\| params.*", "")));
        assertThat(refused).isZero();
    }
}
