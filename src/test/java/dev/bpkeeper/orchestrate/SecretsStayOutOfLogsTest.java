package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpkeeper.github.PrivateKeys;
import dev.bpkeeper.intake.SignatureVerifier;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.LogCapture;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import dev.bpkeeper.testing.fakegithub.RecordedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The app's secrets never reach its logs: the webhook secret, the lines of the App's private key, and every
 * installation token and JWT it sent to GitHub. Logs are captured at every level of the app's own, hub4j's and
 * OkHttp's loggers through a full push (check run and fix-up pull request), GitHub faults (a refused token, rate
 * limits, lost answers, resets), forged and malformed deliveries and a private key that does not parse.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecretsStayOutOfLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeGitHub github = FakeGitHubResource.fake();

    @Test
    void givenAFullPushFaultsAndForgeriesThenNoSecretAppearsInAnyLogLine() {
        String pem = ConfigProvider.getConfig().getValue("github.private-key", String.class);
        String text;
        try (LogCapture logs = LogCapture.start("dev.bpkeeper", "org.kohsuke", "okhttp3", "io.quarkus.vertx.http",
                "software.amazon.awssdk.request")) {
            pushWithFaults(1001, true);
            pushWithFaults(1002, false);
            forgedAndMalformedDeliveries();
            text = logs.text();
            assertThat(logs.lines()).as("something was logged at all").hasSizeGreaterThan(10);
        }

        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(Deliveries.SECRET);
        pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
        secrets.addAll(credentialsSentToGitHub());
        assertThat(secrets).as("installation tokens and JWTs were used").hasSizeGreaterThan(20);

        for (String secret : secrets) {
            assertThat(text).as("a secret (%s…) in the logs", secret.substring(0, 4)).doesNotContain(secret);
        }
    }

    @Test
    void givenAPrivateKeyThatDoesNotParseThenTheErrorQuotesNoneOfIt() {
        String pem = ConfigProvider.getConfig().getValue("github.private-key", String.class);
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----")).toList();
        String middle = body.get(body.size() / 2);
        String corrupted = pem.replace(middle, "!" + middle.substring(1));
        String truncated = pem.substring(0, pem.length() / 2);

        for (String bad : List.of(corrupted, truncated, pem.replace("RSA PRIVATE", "ENCRYPTED PRIVATE"),
                String.join("\n", body))) {
            assertThatThrownBy(() -> PrivateKeys.fromPem(bad)).satisfies(e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    String message = String.valueOf(t.getMessage());
                    for (String line : body) {
                        for (int at = 0; at + 16 <= line.length(); at += 16) {
                            assertThat(message).doesNotContain(line.substring(at, at + 16));
                        }
                    }
                }
            });
        }
    }

    private void pushWithFaults(long installation, boolean withFaults) {
        String name = "acme/secret-" + installation;
        github.installation(installation, "acme", GitHubFaultsTest.FIXUPS, name);
        FakeRepository repo = github.repository(name).description("Widgets").license("MIT");
        String sha = repo.commit("main", Map.of("README.md", "# Widget\n", "LICENSE", LicenseTexts.MIT), "init");
        if (withFaults) {
            github.faults().next(1).on("GET", "/repos/" + name + "/git/trees/.*").respond(401);
            github.faults().next(1).on("POST", "/graphql").primaryRateLimit(Instant.now().plusSeconds(1));
            github.faults().next(1).on("GET", "/repos/" + name + "/private-vulnerability-reporting").resetConnection();
            github.faults().next(1).on("POST", "/repos/" + name + "/check-runs").loseAnswer();
        }
        assertThat(Deliveries.send("push", Payloads.push(name, "main", sha, installation, Instant.now()))
                .statusCode()).isEqualTo(202);
        Eventually.get(() -> repo.checkRuns().stream().filter(r -> "completed".equals(r.status())).findFirst(),
                Optional::isPresent, WAIT, "a completed check run on " + name);
        Eventually.get(repo::pullRequests, p -> !p.isEmpty(), WAIT, "the fix-up pull request on " + name);
        github.faults().clear();
    }

    private static void forgedAndMalformedDeliveries() {
        byte[] body = "{\"zen\":\"forged\",\"installation\":{\"id\":1001}}".getBytes(StandardCharsets.UTF_8);
        io.restassured.RestAssured.given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "forged-1")
                .header("X-Hub-Signature-256", new SignatureVerifier("guess").sign(body))
                .contentType("application/json").body(body).post("/webhook").then().statusCode(401);
        byte[] broken = ("{\"secret\":\"" + Deliveries.SECRET + "\",").getBytes(StandardCharsets.UTF_8);
        io.restassured.RestAssured.given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "broken-1")
                .header("X-Hub-Signature-256", new SignatureVerifier(Deliveries.SECRET).sign(broken))
                .contentType("application/json").body(broken).post("/webhook").then().statusCode(400);
    }

    /** Every token and JWT the app sent, read from the fake's request log (values after "token " or "Bearer "). */
    private List<String> credentialsSentToGitHub() {
        return github.requests().stream().map(RecordedRequest::headers).map(h -> h.get("authorization"))
                .filter(a -> a != null && a.contains(" ")).map(a -> a.substring(a.indexOf(' ') + 1).strip())
                .distinct().toList();
    }
}
