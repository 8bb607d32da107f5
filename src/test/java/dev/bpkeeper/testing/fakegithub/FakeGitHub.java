package dev.bpkeeper.testing.fakegithub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A stateful fake of api.github.com for tests, on 127.0.0.1 and a free port. The app talks to it through its real
 * GitHub client; every request and response is checked against GitHub's OpenAPI description, and a test ends with
 * {@link #assertNoContractViolations()}.
 *
 * <pre>{@code
 * try (FakeGitHub fake = FakeGitHub.start()) {
 *     fake.app(APP_ID, keyPair.getPublic());
 *     fake.installation(7, "acme", Map.of("checks", "write", "contents", "read"), "acme/widget");
 *     String sha = fake.repository("acme/widget").commit("main", Map.of("README.md", "# Widget"), "init");
 *     ... point the app at fake.baseUrl() ...
 *     fake.assertNoContractViolations();
 * }
 * }</pre>
 */
public final class FakeGitHub implements AutoCloseable {
    private final GitHubState state = new GitHubState();
    private final ContractChecker checker = new ContractChecker();
    private final RequestLog log = new RequestLog();
    private final Faults faults = new Faults();
    private final ManifestRoutes manifests = new ManifestRoutes();
    private final Dispatcher dispatcher;
    private final HttpServer server;
    private final ExecutorService pool;
    private final String baseUrl;

    private FakeGitHub() throws IOException {
        // GitHub's schema takes a few seconds to build once per JVM: not inside the first request's timeout.
        GraphQlSchema.get();
        List<Route> routes = new ArrayList<>();
        AppRoutes.register(routes, state);
        RepositoryRoutes.register(routes, state);
        ContentRoutes.register(routes);
        GitDataRoutes.register(routes);
        CheckRunRoutes.register(routes, state);
        PullRoutes.register(routes);
        manifests.register(routes);
        routes.add(Route.of("POST", "/graphql", Route.Access.INSTALLATION, new GraphQl(state, checker)::handle)
                .withoutContract());
        dispatcher = new Dispatcher(state, routes, checker, log, faults);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        dispatcher.baseUrl(baseUrl);
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-github-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", dispatcher);
        server.start();
    }

    public static FakeGitHub start() {
        try {
            return new FakeGitHub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the REST API lives (GraphQL at {@code /graphql}), like {@code https://api.github.com}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Registers the app: JWTs must be RS256-signed by the private half of {@code publicKey}, {@code iss} = app id. */
    public FakeGitHub app(long appId, PublicKey publicKey) {
        state.apps.register(appId, publicKey);
        return this;
    }

    /**
     * Installs the app on {@code account} for the named repositories (created empty if the test has not made them)
     * with these permissions, e.g. {@code Map.of("checks", "write", "contents", "read")}.
     */
    public FakeGitHub installation(long id, String account, Map<String, String> permissions, String... repoFullNames) {
        Arrays.stream(repoFullNames).forEach(state::repository);
        state.apps.install(id, account, permissions, List.of(repoFullNames));
        return this;
    }

    /**
     * A live token for an installation, as if the app had fetched one, for tests that do not exercise the JWT step.
     * No request is logged.
     */
    public String tokenFor(long installationId) {
        AppRegistry.Installation installation = state.apps.installation(installationId)
                .orElseThrow(() -> new IllegalArgumentException("no installation " + installationId));
        return state.apps.issue(installation, List.of(), Map.of()).value();
    }

    /** The repository, created (public, default branch "main", no commits) on first use. */
    public FakeRepository repository(String fullName) {
        return state.repository(fullName);
    }

    /**
     * A person posted this App manifest (JSON) on github.com and confirmed it: GitHub created the App and redirects
     * to the manifest's redirect_url with the returned one-time code.
     */
    public String acceptManifest(String manifest) {
        return manifests.accept(manifest);
    }

    /** The last App created from a manifest: its id, public key, PEM and webhook secret, for assertions. */
    public ManifestRoutes.Created lastAppFromManifest() {
        List<ManifestRoutes.Created> all = manifests.created();
        if (all.isEmpty()) {
            throw new IllegalStateException("no App was created from a manifest");
        }
        return all.get(all.size() - 1);
    }

    public Faults faults() {
        return faults;
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /** Requests with this method whose path (without query) matches the regex. */
    public long count(String method, String pathRegex) {
        return log.count(method, pathRegex);
    }

    /** Requests GitHub would bill to an installation's rate limit: token calls that were not answered 304. */
    public long billedRequests() {
        return log.billed();
    }

    public void clearLog() {
        log.clear();
    }

    /** Makes every token handed out so far expire now, as an hour passing would. */
    public void expireTokens() {
        state.apps.expireAllTokens();
    }

    /** Sets what is left of an installation's hourly allowance; at 0 its calls get GitHub's 403 rate-limit answer. */
    public void rateLimitRemaining(long installationId, int remaining) {
        state.rateLimits.setRemaining(installationId, remaining);
    }

    /**
     * Gives an installation {@code limit} billed requests per {@code window} from now on (GitHub: 5000 an hour),
     * reported in the x-ratelimit-* headers; beyond it, its calls get GitHub's 403 rate-limit answer until the reset.
     */
    public void rateLimitWindow(long installationId, int limit, java.time.Duration window) {
        state.rateLimits.window(installationId, limit, window);
    }

    public List<String> contractViolations() {
        return checker.violations();
    }

    public void clearContractViolations() {
        checker.clear();
    }

    /** Fails listing every request or response that broke GitHub's published contract, or hit no operation. */
    public void assertNoContractViolations() {
        List<String> violations = checker.violations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " GitHub contract violation(s):\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    /** Lets a test make the fake itself break the contract once, to prove the checker looks at responses. */
    void tamperWithNextResponse(String method, String pathRegex, UnaryOperator<String> change) {
        dispatcher.tamperWithNext(method, pathRegex, change);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
