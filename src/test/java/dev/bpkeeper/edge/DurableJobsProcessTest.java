package dev.bpkeeper.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.testing.AppProcess;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.CheckRun;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import dev.bpkeeper.testing.fakegithub.TestKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A delivery answered 202 is never lost: the packaged app, run as a process on a data directory, is killed with
 * SIGKILL or stopped with SIGTERM while jobs wait, and started again on the same directory. Runs after the package
 * phase (tag "process", the pom's process-tests execution); bounded: about a minute in all.
 */
@Tag("process")
class DurableJobsProcessTest {
    static final long INSTALLATION = 77;
    static final Map<String, String> PERMISSIONS = Map.of("contents", "read", "metadata", "read", "checks", "write");

    @TempDir
    Path dir;

    private FakeGitHub github;
    private String privateKey;
    private AppProcess app;

    @BeforeEach
    void fakeGitHub() {
        KeyPair keys = TestKeys.rsaKeyPair();
        github = FakeGitHub.start().app(dev.bpkeeper.testing.FakeGitHubResource.APP_ID, keys.getPublic());
        privateKey = TestKeys.pkcs1Pem(keys);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        github.close();
    }

    @Test
    void givenPushesAcceptedAndWaitingWhenTheAppIsKilledAndStartedAgainThenEveryOneIsEvaluatedOnce() throws Exception {
        List<Push> pushes = pushes(20, 20);
        // GitHub answers slowly, so that most jobs still wait in the queue when the process dies.
        github.faults().next(60).on("GET", "/repos/.*").delay(Duration.ofMillis(500));
        app = AppProcess.of(github, privateKey, dir, Map.of()).start();

        List<Integer> statuses = send(pushes, 8);
        assertThat(statuses).as("every push accepted").containsOnly(202);
        long evaluatedBeforeTheKill = pushes.stream().filter(p -> completedCheckRuns(p) > 0).count();
        app.kill();
        assertThat(evaluatedBeforeTheKill).as("jobs were still waiting when the process was killed")
                .isLessThan(pushes.size());

        github.faults().clear();
        app.start();
        Eventually.get(() -> pushes.stream().filter(p -> completedCheckRuns(p) == 0).toList(), List::isEmpty,
                Duration.ofSeconds(90), "every accepted push evaluated after the restart");
        assertThat(app.terminate(Duration.ofSeconds(15))).as("stopped").isNotNull();

        for (Push push : pushes) {
            List<CheckRun> runs = github.repository(push.repository).checkRuns().stream()
                    .filter(r -> r.headSha().equals(push.sha)).toList();
            assertThat(runs).as("check runs of %s", push.repository).hasSize(1)
                    .allMatch(r -> "completed".equals(r.status()));
        }
        try (StoredData data = new StoredData(app.dynamoDbData())) {
            for (Push push : pushes) {
                assertThat(data.evaluationAt(push.repository, push.sha)).as("stored result of %s", push.repository)
                        .isTrue();
                assertThat(data.unfinishedJobs(push.delivery)).as("delivery %s finished", push.delivery).isFalse();
            }
            assertThat(data.deadLetters()).isZero();
        }
    }

    @Test
    void given500JobsWaitingWhenTheAppIsStoppedThenItExitsWithin10SecondsAndEveryJobIsDoneOrKept()
            throws Exception {
        List<Push> pushes = pushes(500, 20);
        github.faults().next(100_000).on("GET", "/repos/.*").delay(Duration.ofMillis(300));
        app = AppProcess.of(github, privateKey, dir, Map.of()).start();

        List<Integer> statuses = send(pushes, 16);
        assertThat(statuses).as("every push accepted").containsOnly(202);

        Duration exit = app.terminate(Duration.ofSeconds(30));

        assertThat(exit).as("the process exited after SIGTERM").isNotNull();
        assertThat(exit).as("time from SIGTERM to exit").isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(app.log()).doesNotContain("LOST").contains("kept for the next start");
        int kept = 0;
        try (StoredData data = new StoredData(app.dynamoDbData())) {
            for (Push push : pushes) {
                boolean unfinished = data.unfinishedJobs(push.delivery);
                assertThat(unfinished || data.evaluationAt(push.repository, push.sha))
                        .as("push %s is evaluated or kept for the next start", push.delivery).isTrue();
                kept += unfinished ? 1 : 0;
            }
            assertThat(data.deadLetters()).isZero();
        }
        assertThat(kept).as("most jobs were still waiting at the stop").isGreaterThan(400);
        System.out.printf("SIGTERM with %d of %d accepted jobs unfinished: exited in %d ms%n", kept, pushes.size(),
                exit.toMillis());

        // The next start picks every one of them up.
        github.faults().clear();
        app.start();
        String resumed = "Resuming " + kept + " job(s)";
        Eventually.get(app::log, l -> l.contains(resumed), Duration.ofSeconds(60), "'" + resumed + "' logged");
        assertThat(app.terminate(Duration.ofSeconds(30))).as("stopped again").isNotNull();
    }

    private record Push(String repository, String sha, String delivery, byte[] body) {
        @Override
        public String toString() {
            return repository + "@" + sha.substring(0, 7) + " (delivery " + delivery + ")";
        }
    }

    /** {@code count} pushes of new commits, spread over {@code repositories} repositories of one installation. */
    private List<Push> pushes(int count, int repositories) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            names.add("durable/repo-" + i);
        }
        github.installation(INSTALLATION, "durable", PERMISSIONS, names.toArray(String[]::new));
        github.rateLimitWindow(INSTALLATION, 1_000_000, Duration.ofHours(1));
        List<Push> pushes = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            FakeRepository repo = github.repository(names.get(n % repositories)).license("MIT");
            String sha = repo.commit("main", Map.of("README.md", "# Push " + n + "\n", "SECURITY.md",
                    "Report privately.\n"), "push " + n);
            pushes.add(new Push(repo.fullName(), sha, UUID.randomUUID().toString(),
                    Payloads.push(repo.fullName(), "main", sha, INSTALLATION, Instant.now())));
        }
        return pushes;
    }

    private List<Integer> send(List<Push> pushes, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Push push : pushes) {
                answers.add(pool.submit(() -> app.deliver("push", push.delivery, push.body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long completedCheckRuns(Push push) {
        return github.repository(push.repository).checkRuns().stream()
                .filter(r -> r.headSha().equals(push.sha) && "completed".equals(r.status())).count();
    }

    /** The app's DynamoDB data, opened once the app has stopped (DynamoDB Local on the same directory). */
    private static final class StoredData implements AutoCloseable {
        private final EmbeddedDynamoDb db;
        private final DynamoDbClient dynamo;

        StoredData(Path data) {
            assertThat(Files.isDirectory(data)).isTrue();
            db = EmbeddedDynamoDb.start(0, data);
            dynamo = DynamoDbClient.builder().endpointOverride(URI.create(db.endpoint())).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                            "local"))).httpClient(UrlConnectionHttpClient.create()).build();
        }

        boolean evaluationAt(String repository, String sha) {
            return dynamo.getItem(b -> b.tableName("bpkeeper-evaluations").consistentRead(true).key(Map.of(
                    "repo", AttributeValue.fromS(repository.toLowerCase(java.util.Locale.ROOT)),
                    "key", AttributeValue.fromS("commit#" + sha)))).hasItem();
        }

        boolean unfinishedJobs(String delivery) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("bpkeeper-deliveries")
                    .consistentRead(true).key(Map.of("id", AttributeValue.fromS(delivery)))).item();
            assertThat(item).as("delivery %s recorded", delivery).isNotEmpty();
            return item.containsKey("unfinished");
        }

        int deadLetters() {
            return dynamo.scan(b -> b.tableName("bpkeeper-dead-letters")).count();
        }

        @Override
        public void close() {
            dynamo.close();
            db.close();
        }
    }
}
