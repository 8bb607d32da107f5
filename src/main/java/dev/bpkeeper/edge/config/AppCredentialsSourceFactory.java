package dev.bpkeeper.edge.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Provides github.app-id, github.private-key and github.webhook-secret from the App's credentials document, read
 * once at start-up: from Secrets Manager when bpkeeper.app-credentials.secret-id is set (AWS), otherwise from
 * bpkeeper.app-credentials.file when that file exists (what /setup wrote; `serve` points here by default).
 * Environment variables and system properties win over it, so the documented variables keep working.
 */
public class AppCredentialsSourceFactory implements ConfigSourceFactory {
    /** Below application.properties (250) and the environment (300). */
    static final int ORDINAL = 150;
    static final String SECRET_ID = "bpkeeper.app-credentials.secret-id";
    static final String REGION = "bpkeeper.app-credentials.region";
    static final String ENDPOINT = "bpkeeper.app-credentials.endpoint-override";
    static final String FILE = "bpkeeper.app-credentials.file";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<String> secretId = value(context, SECRET_ID);
        if (secretId.isPresent()) {
            AppCredentials credentials = SecretsManagerCredentials.read(secretId.get(), value(context, REGION),
                    value(context, ENDPOINT));
            return List.of(source("Secrets Manager secret " + secretId.get(), credentials));
        }
        Optional<Path> file = value(context, FILE).map(Path::of).filter(Files::isRegularFile);
        if (file.isPresent()) {
            return List.of(source(file.get().toString(), AppCredentialsFile.read(file.get())));
        }
        return List.of();
    }

    private static ConfigSource source(String origin, AppCredentials credentials) {
        return new MapBackedConfigSource("App credentials (" + origin + ")", credentials.asConfig(), ORDINAL) {
            private static final long serialVersionUID = 1L;
        };
    }

    private static Optional<String> value(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? Optional.empty()
                : Optional.of(value.getValue().strip());
    }
}
