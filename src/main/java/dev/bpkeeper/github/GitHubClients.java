package dev.bpkeeper.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.GHAppInstallationToken;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * GitHub clients for the App (signed with a short-lived JWT) and for each installation (an installation token,
 * cached until shortly before it expires). Rate limits are not waited out inside a request: they fail fast so
 * that the queue can retry after the reset without holding a worker.
 */
@ApplicationScoped
public class GitHubClients {
    /** Tokens live an hour; renew with a margin so that a long evaluation never runs on an expiring token. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    @Inject
    GitHubConfig config;

    @Inject
    Clock clock;

    @Inject
    EtagCache etags;

    @Inject
    RateLimitGuard rateLimits;

    private final Map<Long, InstallationClient> cache = new ConcurrentHashMap<>();
    private volatile GitHub appClient;
    private volatile org.kohsuke.github.connector.GitHubConnector connector;

    public boolean isConfigured() {
        return config.appId().isPresent() && (config.privateKey().isPresent() || config.privateKeyFile().isPresent());
    }

    public InstallationClient forInstallation(long installationId) throws IOException {
        InstallationClient cached = cache.get(installationId);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            return cached;
        }
        GHAppInstallationToken token = app().getApp().getInstallationById(installationId).createToken().create();
        Map<String, String> permissions = new HashMap<>();
        if (token.getPermissions() != null) {
            token.getPermissions().forEach((k, v) -> permissions.put(k, v.toLowerCase(java.util.Locale.ROOT)));
        }
        InstallationClient client = new InstallationClient(installationId,
                builder().withConnector(new ConditionalConnector(connector(),
                        etags, scope(installationId), (remaining, resetsAt) -> rateLimits.record(installationId,
                                new RateLimitGuard.Budget(remaining, resetsAt))))
                        .withAppInstallationToken(token.getToken()).build(),
                token.getToken(),
                token.getExpiresAt() == null ? clock.instant().plus(Duration.ofHours(1)) : token.getExpiresAt().toInstant(),
                Map.copyOf(permissions));
        cache.put(installationId, client);
        return client;
    }

    /** What cached GitHub answers are keyed by: an installation sees what its token may see. */
    public static String scope(long installationId) {
        return "installation " + installationId;
    }

    /** Drops a cached token (after a 401, or when the installation is removed). */
    public void forget(long installationId) {
        cache.remove(installationId);
    }

    GitHub app() throws IOException {
        if (appClient == null) {
            synchronized (this) {
                if (appClient == null) {
                    long appId = config.appId().orElseThrow(() -> new IllegalStateException(
                            "github.app-id is not configured"));
                    AuthorizationProvider jwt = new JWTTokenProvider(Long.toString(appId), privateKey());
                    appClient = builder().withAuthorizationProvider(jwt).build();
                }
            }
        }
        return appClient;
    }

    /** One HTTP client for every hub4j call, so that a GitHub that stops answering cannot hold a worker. */
    private org.kohsuke.github.connector.GitHubConnector connector() {
        if (connector == null) {
            synchronized (this) {
                if (connector == null) {
                    okhttp3.OkHttpClient reads = new okhttp3.OkHttpClient.Builder()
                            .connectTimeout(java.time.Duration.ofSeconds(10))
                            .readTimeout(config.requestTimeout())
                            .callTimeout(config.requestTimeout())
                            .build();
                    // Same connection pool; a write whose answer is lost is not sent a second time.
                    okhttp3.OkHttpClient writes = reads.newBuilder().retryOnConnectionFailure(false).build();
                    connector = new WritesSentOnce(new org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector(reads),
                            new org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector(writes));
                }
            }
        }
        return connector;
    }

    private GitHubBuilder builder() {
        return new GitHubBuilder().withEndpoint(config.apiUrl()).withConnector(connector())
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    }

    private PrivateKey privateKey() {
        if (config.privateKey().isPresent()) {
            return PrivateKeys.fromPem(config.privateKey().get());
        }
        Path file = Path.of(config.privateKeyFile().orElseThrow(() -> new IllegalStateException(
                "github.private-key or github.private-key-file is not configured")));
        try {
            return PrivateKeys.fromPem(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GitHub App private key file " + file, e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
