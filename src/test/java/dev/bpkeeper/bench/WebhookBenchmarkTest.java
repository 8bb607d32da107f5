package dev.bpkeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.intake.SignatureVerifier;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for BENCHMARKS.md, against the fake GitHub and DynamoDB Local on loopback: webhook acknowledgement
 * latency under 200 concurrent deliveries, push-to-check-run time, and GitHub requests per push evaluation.
 * Run with {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=WebhookBenchmarkTest}; it prints
 * and never asserts a time.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookBenchmarkTest {
    static final int REPOSITORIES = 20;
    static final int DELIVERIES = 200;

    @Test
    void measure() throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        long installation = 9000;
        List<String> names = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            names.add("bench/repo-" + i);
        }
        // Administration: read, as the App's manifest asks: the workflow token setting is read too.
        github.installation(installation, "bench", Map.of("contents", "read", "metadata", "read", "checks", "write",
                "administration", "read"), names.toArray(String[]::new));
        for (String name : names) {
            FakeRepository repo = github.repository(name).license("MIT");
            shas.add(repo.commit("main", Map.of("README.md", "# " + name + "\n", "SECURITY.md", "Report privately.\n",
                    "pom.xml", "<project/>\n"), "init"));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI webhook = URI.create("http://localhost:" + RestAssured.port + "/webhook");
        SignatureVerifier signer = new SignatureVerifier(Deliveries.SECRET);
        // Warm-up: one delivery per repository, then wait for their check runs.
        List<Long> pushToCheckRun = Collections.synchronizedList(new ArrayList<>());
        github.clearLog();
        for (int i = 0; i < REPOSITORIES; i++) {
            long start = System.nanoTime();
            send(http, webhook, signer, Payloads.push(names.get(i), "main", shas.get(i), installation, Instant.now()));
            FakeRepository repo = github.repository(names.get(i));
            String sha = shas.get(i);
            Eventually.get(() -> repo.checkRuns().stream().anyMatch(r -> r.headSha().equals(sha)
                    && "completed".equals(r.status())), done -> done, Duration.ofSeconds(60), "check run");
            pushToCheckRun.add(System.nanoTime() - start);
        }
        long evaluationRequests = github.requests().stream()
                .filter(r -> !r.appJwt() && !r.path().contains("/check-runs") && !r.path().contains("access_tokens"))
                .count();

        // A second push per repository: unchanged answers are revalidated with ETags (304s cost no rate limit).
        github.clearLog();
        for (int i = 0; i < REPOSITORIES; i++) {
            FakeRepository repo = github.repository(names.get(i));
            String sha = repo.commit("main", Map.of("README.md", "# " + names.get(i) + "\n\nMore.\n",
                    "SECURITY.md", "Report privately.\n", "pom.xml", "<project/>\n"), "second");
            shas.set(i, sha);
            send(http, webhook, signer, Payloads.push(names.get(i), "main", sha, installation, Instant.now()));
            Eventually.get(() -> repo.checkRuns().stream().anyMatch(r -> r.headSha().equals(sha)
                    && "completed".equals(r.status())), done -> done, Duration.ofSeconds(60), "check run");
        }
        List<dev.bpkeeper.testing.fakegithub.RecordedRequest> warm = github.requests().stream()
                .filter(r -> !r.appJwt() && !r.path().contains("/check-runs") && !r.path().contains("access_tokens"))
                .toList();
        long warmBilled = warm.stream().filter(dev.bpkeeper.testing.fakegithub.RecordedRequest::billed).count();

        // Acknowledgement latency: 200 distinct deliveries at once.
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(DELIVERIES);
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            byte[] body = Payloads.push(names.get(i % REPOSITORIES), "main", shas.get(i % REPOSITORIES), installation,
                    Instant.now());
            acks.add(CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                int status = send(http, webhook, signer, body);
                assertThat(status).isEqualTo(202);
                return System.nanoTime() - start;
            }, senders));
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> ack : acks) {
            latencies.add(ack.get());
        }
        senders.shutdown();
        Collections.sort(latencies);
        List<Long> p2c = new ArrayList<>(pushToCheckRun);
        Collections.sort(p2c);
        System.out.printf("%nBENCHMARK webhook ack latency (%d concurrent deliveries): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                DELIVERIES, ms(latencies, 0.50), ms(latencies, 0.99), ms(latencies, 1.0));
        System.out.printf("BENCHMARK push to completed check run (%d pushes, one at a time): p50 %.0f ms, max %.0f ms%n",
                REPOSITORIES, ms(p2c, 0.50), ms(p2c, 1.0));
        System.out.printf("BENCHMARK GitHub requests per push evaluation (besides token and check run): %.1f cold;"
                + " second push: %.1f sent, %.1f billed (the rest answered 304)%n%n",
                evaluationRequests / (double) REPOSITORIES, warm.size() / (double) REPOSITORIES,
                warmBilled / (double) REPOSITORIES);
    }

    private static int send(HttpClient http, URI webhook, SignatureVerifier signer, byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(webhook).header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", signer.sign(body)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
