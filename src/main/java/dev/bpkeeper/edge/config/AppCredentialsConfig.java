package dev.bpkeeper.edge.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Where the App's credentials come from (read at start-up by {@link AppCredentialsSourceFactory}, declared here so
 * that every bpkeeper.* key is known).
 */
@ConfigMapping(prefix = "bpkeeper.app-credentials")
public interface AppCredentialsConfig {
    /** The Secrets Manager secret (ARN or name) holding the credentials document; set on AWS by the template. */
    Optional<String> secretId();

    /** Its region; the default chain (AWS_REGION) when absent. */
    Optional<String> region();

    /** Another Secrets Manager endpoint (tests). */
    Optional<String> endpointOverride();

    /**
     * Read by nothing: infra/template.yaml sets it from its CredentialsRevision parameter, so that changing that
     * parameter publishes new function versions, whose SnapStart snapshots then hold a rotated secret.
     */
    Optional<String> revision();

    /**
     * The local credentials file: written by /setup, read at start-up when it exists. Absent means
     * ~/.bpkeeper/github-app.json for /setup and `serve` (Main sets it), and no file at all elsewhere (tests).
     */
    Optional<String> file();

    /**
     * The one way to register another App once credentials exist: /setup is closed then, unless this is true, and
     * even so it replaces them once per start, keeping the old file as a backup.
     */
    @io.smallrye.config.WithDefault("false")
    boolean replace();
}
