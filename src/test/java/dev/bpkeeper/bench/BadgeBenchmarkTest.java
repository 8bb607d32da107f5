package dev.bpkeeper.bench;

import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for BENCHMARKS.md: requests per second and latency of a cached badge, measured with wrk (Debian package
 * "wrk") against the running app on loopback, on the same machine. Run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=BadgeBenchmarkTest}; it prints wrk's report
 * and never asserts a time.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadgeBenchmarkTest {

    @Inject
    EvaluationStore evaluations;

    @TestHTTPResource("/")
    URL root;

    @Test
    void measure() throws Exception {
        AssessmentView view = new AssessmentView("bench/badge", "abc", "2026-12-01T00:00:00Z",
                new AssessmentView.Badge("in_progress", 57, "in progress 57%"),
                new AssessmentView.Badge("in_progress", 40, "in progress 40%"),
                List.of(new AssessmentView.LevelView("passing", 57, 38, 67, Map.of("Met", 38), List.of())), List.of());
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        evaluations.save(new StoredEvaluation("bench/badge", 1L, "abc", t, t, false, null, view, "", java.util.Optional.empty()));
        String url = root.toString().replaceAll("/$", "") + "/badge/bench/badge.svg";
        String etag = header(url, "ETag");

        wrk("warm-up", "-t2", "-c32", "-d5s", url);
        wrk("cached badge, 200 with the SVG", "-t2", "-c64", "-d20s", "--latency", url);
        wrk("cached badge, 304 (If-None-Match)", "-t2", "-c64", "-d20s", "--latency", "-H", "If-None-Match: " + etag,
                url);
    }

    private static String header(String url, String name) throws Exception {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) new URL(url).openConnection();
        String value = connection.getHeaderField(name);
        connection.disconnect();
        return value;
    }

    private static void wrk(String title, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println("=== " + title + ": " + String.join(" ", command) + "\n" + out);
    }
}
