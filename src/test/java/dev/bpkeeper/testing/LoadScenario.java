package dev.bpkeeper.testing;

import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.intake.SignatureVerifier;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import dev.bpkeeper.testing.fakegithub.RecordedRequest;
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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A burst of signed push deliveries on loopback, as a busy organisation sends them: every repository receives
 * {@code pushesPerRepository} commits on its default branch, a third of them delivered newest first, and one
 * delivery in ten is sent again with the same delivery id (GitHub's "Redeliver", or a retry after a timeout).
 * Commits are made while deliveries are in flight, so evaluations overlap pushes. Seeded: the same arguments give
 * the same plan.
 *
 * @param repositories spread over installations of {@link #REPOSITORIES_PER_INSTALLATION}, so that no installation
 *        runs out of its hourly rate limit
 */
public record LoadScenario(int repositories, int pushesPerRepository, int senders, long seed) {
    public static final int REPOSITORIES_PER_INSTALLATION = 20;
    static final Map<String, String> PERMISSIONS = Map.of("contents", "read", "metadata", "read", "checks", "write");

    /** What was sent and how it was answered. */
    public static final class Sent {
        public final List<Long> ackNanos = Collections.synchronizedList(new ArrayList<>());
        public final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        public final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        /** The commit each repository's default branch points at at the end. */
        public final Map<String, String> heads = new ConcurrentHashMap<>();
        /** Every commit pushed, per repository. */
        public final Map<String, List<String>> pushed = new ConcurrentHashMap<>();
        public int deliveries;
        public int redeliveries;
        public long firstInstallation;
        public int installations;

        public double ackMillis(double quantile) {
            List<Long> sorted = new ArrayList<>(ackNanos);
            Collections.sort(sorted);
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        public int distinctPushes() {
            return pushed.values().stream().mapToInt(List::size).sum();
        }

        /** The repositories whose latest stored evaluation is not their branch's head. */
        public List<String> notAtHead(EvaluationStore store) {
            return heads.entrySet().stream().filter(e -> !store.latest(e.getKey()).map(StoredEvaluation::commitSha)
                    .orElse("").equals(e.getValue())).map(Map.Entry::getKey).sorted().toList();
        }

        /** Pushed commits without a stored evaluation. */
        public List<String> notEvaluated(EvaluationStore store) {
            List<String> missing = new ArrayList<>();
            pushed.forEach((repo, shas) -> shas.stream().filter(sha -> store.atCommit(repo, sha).isEmpty())
                    .forEach(sha -> missing.add(repo + "@" + sha)));
            return missing;
        }

        /** Requests made with the installations' tokens. */
        public List<RecordedRequest> installationRequests(FakeGitHub github) {
            return github.requests().stream().filter(r -> r.installationId() != null
                    && r.installationId() >= firstInstallation
                    && r.installationId() < firstInstallation + installations).toList();
        }
    }

    public Sent run(FakeGitHub github, URI webhook, long firstInstallation) throws Exception {
        Random random = new Random(seed);
        Sent sent = new Sent();
        sent.firstInstallation = firstInstallation;
        List<FakeRepository> repos = new ArrayList<>();
        sent.installations = (repositories + REPOSITORIES_PER_INSTALLATION - 1) / REPOSITORIES_PER_INSTALLATION;
        for (int n = 0; n < sent.installations; n++) {
            long installation = firstInstallation + n;
            List<String> names = new ArrayList<>();
            for (int i = n * REPOSITORIES_PER_INSTALLATION; i < Math.min(repositories,
                    (n + 1) * REPOSITORIES_PER_INSTALLATION); i++) {
                names.add("load-" + installation + "/repo-" + i);
            }
            github.installation(installation, "load-" + installation, PERMISSIONS, names.toArray(String[]::new));
            for (String name : names) {
                repos.add(github.repository(name).license("MIT"));
                sent.pushed.put(name, Collections.synchronizedList(new ArrayList<>()));
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SignatureVerifier signer = new SignatureVerifier(Deliveries.SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> inFlight = new ArrayList<>();
        List<Delivery> alreadySent = new ArrayList<>();
        for (int round = 0; round < pushesPerRepository; round++) {
            for (int i = 0; i < repositories; i++) {
                FakeRepository repo = repos.get(i);
                long installation = firstInstallation + i / REPOSITORIES_PER_INSTALLATION;
                // A third of the repositories get their pushes in pairs, delivered newest first.
                boolean paired = i % 3 == 0;
                if (paired && round % 2 == 1) {
                    continue; // pushed with the round before
                }
                boolean newestFirst = paired && round + 1 < pushesPerRepository;
                List<Delivery> now = new ArrayList<>();
                now.add(push(repo, installation, round));
                if (newestFirst) {
                    now.add(0, push(repo, installation, round + 1));
                }
                for (Delivery delivery : now) {
                    inFlight.add(pool.submit(() -> send(http, webhook, signer, delivery, sent)));
                    alreadySent.add(delivery);
                    if (random.nextInt(10) == 0) {
                        Delivery again = alreadySent.get(random.nextInt(alreadySent.size()));
                        inFlight.add(pool.submit(() -> send(http, webhook, signer, again, sent)));
                        sent.redeliveries++;
                    }
                }
                sent.pushed.get(repo.fullName()).addAll(now.stream().map(Delivery::sha).toList());
            }
        }
        for (Future<?> f : inFlight) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        sent.deliveries = inFlight.size();
        repos.forEach(r -> sent.heads.put(r.fullName(), r.branch("main").orElseThrow()));
        return sent;
    }

    private record Delivery(String id, String sha, byte[] body) {
    }

    /** A new commit on the default branch and the push delivery GitHub would send for it. */
    private Delivery push(FakeRepository repo, long installation, int round) {
        String sha = repo.commit("main", Map.of("README.md", "# " + repo.fullName() + "\n\nRound " + round + ".\n",
                "SECURITY.md", "Report privately.\n", "pom.xml", "<project/>\n"), "round " + round);
        return new Delivery(UUID.randomUUID().toString(), sha,
                Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));
    }

    private static void send(HttpClient http, URI webhook, SignatureVerifier signer, Delivery delivery, Sent sent) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook)
                    .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery.id())
                    .header("X-Hub-Signature-256", signer.sign(delivery.body()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            sent.ackNanos.add(System.nanoTime() - start);
            sent.statuses.merge(response.statusCode(), 1, Integer::sum);
            String outcome = response.body().replaceAll(".*\"outcome\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            sent.outcomes.merge(outcome, 1, Integer::sum);
        } catch (Exception e) {
            sent.statuses.merge(-1, 1, Integer::sum);
        }
    }
}
