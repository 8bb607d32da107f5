package dev.bpkeeper.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpkeeper.testing.FakeSecretsManager;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The App's credentials reach the configuration from Secrets Manager (AWS) or the /setup file (local). */
class AppCredentialsSourceTest {
    static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
            + "-----END RSA PRIVATE KEY-----\n";
    static final AppCredentials CREDENTIALS = new AppCredentials(424242, PEM, "whsec-test-only");
    private static FakeSecretsManager secretsManager;
    private static final Map<String, String> SAVED = new HashMap<>();

    @BeforeAll
    static void awsCredentialsForTheDefaultChain() {
        secretsManager = FakeSecretsManager.start().secret("bpkeeper/github-app", CREDENTIALS.toJson())
                .secret("bpkeeper/not-json", "app-id=1").secret("bpkeeper/missing-key", "{\"github.app-id\": \"1\"}");
        for (String key : new String[] {"aws.accessKeyId", "aws.secretAccessKey"}) {
            SAVED.put(key, System.getProperty(key));
            System.setProperty(key, "test");
        }
    }

    @AfterAll
    static void restore() {
        secretsManager.close();
        SAVED.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void givenASecretId_whenConfigIsBuilt_thenTheAppsCredentialsComeFromOneGetSecretValue() {
        int before = secretsManager.requested().size();

        SmallRyeConfig config = config(Map.of("bpkeeper.app-credentials.secret-id", "bpkeeper/github-app"));

        assertThat(config.getValue("github.app-id", Long.class)).isEqualTo(424242L);
        assertThat(config.getValue("github.private-key", String.class)).isEqualTo(PEM);
        assertThat(config.getValue("github.webhook-secret", String.class)).isEqualTo("whsec-test-only");
        assertThat(secretsManager.requested().subList(before, secretsManager.requested().size()))
                .containsExactly("bpkeeper/github-app");
    }

    @Test
    void givenAnEnvironmentValue_whenConfigIsBuilt_thenItWinsOverTheSecret() {
        SmallRyeConfig config = config(Map.of("bpkeeper.app-credentials.secret-id", "bpkeeper/github-app",
                "github.webhook-secret", "from-the-environment"));

        assertThat(config.getValue("github.webhook-secret", String.class)).isEqualTo("from-the-environment");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown secret           | bpkeeper/absent      | can't find the specified secret",
        "a secret that is not JSON   | bpkeeper/not-json    | is not JSON",
        "a secret lacking a key      | bpkeeper/missing-key | lacks 'github.private-key'"})
    void givenABadSecret_whenConfigIsBuilt_thenStartFailsSayingWhichSecretAndWhy(String name, String id,
                                                                                  String reason) {
        assertThatThrownBy(() -> config(Map.of("bpkeeper.app-credentials.secret-id", id)))
                .hasMessageContaining(id).hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("app-id=1"));
    }

    @Test
    void givenTheFileSetupWrote_whenConfigIsBuilt_thenTheCredentialsComeFromIt(@TempDir Path home) throws Exception {
        Path file = home.resolve(".bpkeeper/github-app.json");
        AppCredentialsFile.write(file, CREDENTIALS, java.time.Instant.now());

        SmallRyeConfig config = config(Map.of("bpkeeper.app-credentials.file", file.toString()));

        assertThat(config.getValue("github.app-id", Long.class)).isEqualTo(424242L);
        assertThat(config.getValue("github.private-key", String.class)).isEqualTo(PEM);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void givenAFileWithAnUnknownKey_whenConfigIsBuilt_thenTheKeyIsIgnoredWithAWarningAndTheAppStarts(
            @TempDir Path home) throws Exception {
        Path file = home.resolve(".bpkeeper/github-app.json");
        AppCredentialsFile.write(file, CREDENTIALS, java.time.Instant.now());
        Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{\"note\": \"registered by Ann\","));

        SmallRyeConfig config;
        try (dev.bpkeeper.testing.LogCapture logs = dev.bpkeeper.testing.LogCapture.start()) {
            config = config(Map.of("bpkeeper.app-credentials.file", file.toString(), "github.app-id", "77"));
            assertThat(logs.text()).contains("unknown key 'note', ignored");
        }

        assertThat(config.getValue("github.app-id", Long.class)).as("the environment still wins").isEqualTo(77L);
        assertThat(config.getValue("github.private-key", String.class)).isEqualTo(PEM);
    }

    @Test
    void givenNoFileAndNoSecret_whenConfigIsBuilt_thenTheAppIsSimplyNotConfigured(@TempDir Path home) {
        SmallRyeConfig config = config(Map.of("bpkeeper.app-credentials.file", home.resolve("none.json").toString()));

        assertThat(config.getOptionalValue("github.app-id", String.class)).isEmpty();
        assertThat(config(Map.of()).getOptionalValue("github.private-key", String.class)).isEmpty();
    }

    @Test
    void givenCredentials_whenPrinted_thenNoSecretShows() {
        assertThat(CREDENTIALS.toString()).contains("424242").doesNotContain("BEGIN").doesNotContain("whsec");
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(environment);
        values.putIfAbsent("bpkeeper.app-credentials.endpoint-override", secretsManager.endpoint());
        values.putIfAbsent("bpkeeper.app-credentials.region", "eu-west-1");
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "environment", 300))
                .withSources(new AppCredentialsSourceFactory()).build();
    }
}
