package dev.bpkeeper.github;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How to reach GitHub as the App. Environment variables map as usual (GITHUB_APP_ID, GITHUB_PRIVATE_KEY,
 * GITHUB_WEBHOOK_SECRET, GITHUB_API_URL). None of these values is ever logged.
 */
@ConfigMapping(prefix = "github")
public interface GitHubConfig {
    /** REST API base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
    @WithDefault("https://api.github.com")
    String apiUrl();

    /** GraphQL endpoint; derived from apiUrl when absent (api.github.com/graphql, HOST/api/graphql). */
    Optional<String> graphqlUrl();

    Optional<Long> appId();

    /** The App's private key, PEM (PKCS#1 as GitHub hands it out, or PKCS#8). */
    Optional<String> privateKey();

    /** Or a file holding it. */
    Optional<String> privateKeyFile();

    Optional<String> webhookSecret();

    /** How long one GitHub request may take before it counts as failed (and is retried later). */
    @WithDefault("PT30S")
    java.time.Duration requestTimeout();

    default String resolvedGraphqlUrl() {
        return graphqlUrl().orElseGet(() -> {
            String api = apiUrl().replaceAll("/+$", "");
            return api.endsWith("/api/v3") ? api.substring(0, api.length() - 3) + "graphql" : api + "/graphql";
        });
    }
}
