package dev.bpkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LogCapture;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook receiver against hostile input, over real HTTP: the corpus in {@code src/test/resources/hostile/webhook}
 * plus cases generated from a fixed seed (mutated real payloads, deep nesting, huge arrays), each sent forged and
 * validly signed, and header tricks. Nothing is answered with a 5xx, nothing throws unhandled, every forged request
 * is refused with 401 and reaches neither the queue nor GitHub.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileWebhookTest {
    static final long SEED = 20261203L;
    private static final String[] EVENTS = {"push", "pull_request", "installation", "installation_repositories",
            "repository", "check_run", "check_suite", "ping", "no_such_event"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/webhook")
    URI webhook;

    private final FakeGitHub github = FakeGitHubResource.fake();
    private LogCapture logs;

    /** One request: a name for failure messages, headers in order (a name may repeat), a body. */
    record Case(String name, List<Map.Entry<String, String>> headers, byte[] body) {
        Case with(String header, String value) {
            List<Map.Entry<String, String>> more = new ArrayList<>(headers);
            more.add(Map.entry(header, value));
            return new Case(name, more, body);
        }
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void nothingWasThrownUnhandled() {
        logs.close();
        assertThat(logs.lines()).as("log lines with an exception:\n%s", logs.text())
                .noneMatch(LogCapture.Line::hasException);
        github.assertNoContractViolations();
    }

    @Test
    void everyForgedVariantOfEveryHostileBodyIsRefusedWith401AndStartsNoWork() throws Exception {
        List<Case> forged = new ArrayList<>();
        for (Case body : bodies()) {
            byte[] other = "{\"zen\":\"another body\"}".getBytes(StandardCharsets.UTF_8);
            Case unsigned = delivery(body.name(), "push", body.body());
            forged.add(named(unsigned, "no signature"));
            forged.add(named(unsigned, "wrong secret").with("X-Hub-Signature-256", sign("not-the-secret", body.body())));
            forged.add(named(unsigned, "signature of another body").with("X-Hub-Signature-256",
                    sign(Deliveries.SECRET, other)));
            forged.add(named(unsigned, "sha1 header only").with("X-Hub-Signature", "sha1="
                    + sign(Deliveries.SECRET, body.body()).substring(7, 47)));
            forged.add(named(unsigned, "truncated signature").with("X-Hub-Signature-256",
                    sign(Deliveries.SECRET, body.body()).substring(0, 40)));
            forged.add(named(unsigned, "upper-case signature").with("X-Hub-Signature-256",
                    sign(Deliveries.SECRET, body.body()).toUpperCase()));
            forged.add(named(unsigned, "forged first of two signature headers")
                    .with("X-Hub-Signature-256", sign("not-the-secret", body.body()))
                    .with("X-Hub-Signature-256", sign(Deliveries.SECRET, body.body())));
        }

        for (Case c : forged) {
            HttpResponse<String> answer = send(c);
            assertThat(answer.statusCode()).as(c.name()).isEqualTo(401);
            assertThat(answer.body()).as(c.name()).contains("\"outcome\":\"rejected\"");
        }

        String logged = logs.text();
        assertThat(forged).as("no forged delivery was accepted").noneMatch(c -> logged.contains(
                "delivery " + c.headers().stream().filter(h -> h.getKey().equals("X-GitHub-Delivery")).findFirst()
                        .orElseThrow().getValue() + ":"));
        System.out.printf("HOSTILE FIGURE | %d forged requests, all 401%n", forged.size());
    }

    @Test
    void everyValidlySignedHostileBodyGetsAClearAnswerBelow500() throws Exception {
        List<Case> signed = new ArrayList<>();
        for (Case body : bodies()) {
            for (String event : EVENTS) {
                signed.add(signed(named(delivery(body.name(), event, body.body()), event), body.body()));
            }
        }
        Map<Integer, Integer> statuses = new LinkedHashMap<>();

        for (Case c : signed) {
            HttpResponse<String> answer = send(c);
            assertThat(answer.statusCode()).as(c.name() + " → " + answer.body()).isIn(200, 202, 400, 413, 415);
            assertThat(answer.body()).as(c.name()).startsWith("{\"status\":" + answer.statusCode());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
        }

        System.out.printf("HOSTILE FIGURE | %d signed hostile requests, by status %s%n", signed.size(), statuses);
    }

    @Test
    void headerTricksOnAValidlySignedDeliveryGetTheirOwnClearAnswer() throws Exception {
        byte[] ping = Deliveries.example("ping/repository-hook.json");
        Case good = signed(delivery("ping", "ping", ping), ping);
        Map<Case, Integer> expected = new LinkedHashMap<>();
        expected.put(good, 200);
        expected.put(without(good, "X-GitHub-Event"), 400);
        expected.put(without(good, "X-GitHub-Delivery"), 400);
        expected.put(without(good, "Content-Type"), 200);
        expected.put(replace(good, "Content-Type", "application/x-www-form-urlencoded"), 415);
        expected.put(replace(good, "Content-Type", "text/plain"), 415);
        expected.put(replace(good, "Content-Type", "multipart/form-data; boundary=x"), 415);
        expected.put(replace(good, "X-GitHub-Event", "   "), 400);
        expected.put(replace(good, "X-GitHub-Event", "p\u00efng"), 200);
        expected.put(replace(good, "X-GitHub-Delivery", "d".repeat(4000)), 400);
        // A delivery id travels in jobs and log lines: GitHub's are GUIDs, never spaces or non-ASCII.
        expected.put(replace(good, "X-GitHub-Delivery", "d d"), 400);
        expected.put(replace(good, "X-GitHub-Delivery", "d\u00e9"), 400);
        expected.put(good.with("X-GitHub-Event", "push"), 200);

        for (Map.Entry<Case, Integer> e : expected.entrySet()) {
            HttpResponse<String> answer = send(e.getKey());
            assertThat(answer.statusCode()).as(e.getKey().name() + " → " + answer.body()).isEqualTo(e.getValue());
        }
    }

    @Test
    void aReplayedDeliveryIsDroppedAndTheSameBodyReSignedWithAnotherSecretIsRefused() throws Exception {
        byte[] ping = "{\"zen\":\"replay\",\"installation\":{\"id\":7},\"action\":\"deleted\"}"
                .getBytes(StandardCharsets.UTF_8);
        Case first = signed(delivery("installation deleted", "installation", ping), ping);

        assertThat(send(first).statusCode()).isEqualTo(202);
        HttpResponse<String> replay = send(first);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"outcome\":\"duplicate\"");

        Case resigned = replace(first, "X-Hub-Signature-256", sign("an attacker's secret", ping));
        assertThat(send(replace(resigned, "X-GitHub-Delivery", UUID.randomUUID().toString())).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aBodyOverGitHubsLimitIsRefusedWith413BeforeItsSignatureIsRead() throws Exception {
        byte[] huge = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        Case unsigned = delivery("26 MB of blanks", "push", huge);

        assertThat(send(unsigned).statusCode()).isEqualTo(413);
    }

    // ---- the corpus and the generated cases ----

    /** The files of the corpus, then the generated cases; every body once, unsigned. */
    static List<Case> bodies() throws IOException {
        List<Case> cases = new ArrayList<>();
        Path corpus = Path.of("src/test/resources/hostile/webhook");
        try (Stream<Path> files = Files.list(corpus)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .forEach(f -> cases.add(new Case(f.getFileName().toString(), List.of(), read(f))));
        }
        assertThat(cases).as("the corpus").hasSizeGreaterThan(20);
        cases.addAll(generated());
        return cases;
    }

    /** Deterministic: the same seed gives the same cases on every run and machine. */
    static List<Case> generated() {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        cases.add(body("arrays nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000)));
        cases.add(body("objects nested 5,000 deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        cases.add(body("a million numbers", "{\"zen\":[" + "1,".repeat(999_999) + "1]}"));
        cases.add(body("a 5 MB string", "{\"zen\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}"));
        cases.add(body("100,000 keys", "{" + String.join(",", java.util.stream.IntStream.range(0, 100_000)
                .mapToObj(i -> "\"k" + i + "\":" + i).toList()) + "}"));
        for (String example : List.of("push/branch-created-with-installation.json", "ping/repository-hook.json")) {
            byte[] original = Deliveries.example(example);
            for (int i = 0; i < 15; i++) {
                byte[] mutated = original.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                cases.add(new Case(example + " with " + flips + " random bytes (mutation " + i + ")", List.of(),
                        mutated));
            }
            int cut = random.nextInt(original.length);
            cases.add(new Case(example + " cut at byte " + cut, List.of(),
                    java.util.Arrays.copyOf(original, cut)));
        }
        return cases;
    }

    private static Case body(String name, String text) {
        return new Case(name, List.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static Case delivery(String name, String event, byte[] body) {
        return new Case(name, List.of(Map.entry("X-GitHub-Event", event),
                Map.entry("X-GitHub-Delivery", UUID.randomUUID().toString()),
                Map.entry("Content-Type", "application/json"), Map.entry("User-Agent", "GitHub-Hookshot/hostile")),
                body);
    }

    private static Case signed(Case c, byte[] body) {
        return c.with("X-Hub-Signature-256", sign(Deliveries.SECRET, body));
    }

    private static Case named(Case c, String variant) {
        return new Case(c.name() + " / " + variant, c.headers(), c.body());
    }

    private static Case without(Case c, String header) {
        return new Case(c.name() + " without " + header, c.headers().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase(header)).toList(), c.body());
    }

    private static Case replace(Case c, String header, String value) {
        Case without = without(c, header);
        return new Case(c.name() + " with " + header + ": " + abbreviate(value), without.headers(), c.body())
                .with(header, value);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + " chars)" : value;
    }

    private static String sign(String secret, byte[] body) {
        return new SignatureVerifier(secret).sign(body);
    }

    private HttpResponse<String> send(Case c) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.headers().forEach(h -> request.header(h.getKey(), h.getValue()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
