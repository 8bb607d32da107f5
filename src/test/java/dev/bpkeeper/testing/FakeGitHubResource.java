package dev.bpkeeper.testing;

import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.util.Map;

/**
 * Points the app at a fake GitHub on loopback, registered as a GitHub App whose key is generated here (PKCS#1 PEM,
 * as GitHub hands it out); no key is ever committed.
 */
public class FakeGitHubResource implements QuarkusTestResourceLifecycleManager {
    public static final long APP_ID = 1234;
    private static volatile FakeGitHub fake;

    public static FakeGitHub fake() {
        if (fake == null) {
            throw new IllegalStateException("The fake GitHub is not running; annotate the test with"
                    + " @WithTestResource(FakeGitHubResource.class)");
        }
        return fake;
    }

    /** Init argument: "false" starts the app with no App configured at all, as before /setup registers one. */
    public static final String REGISTERED = "registered";
    private boolean registered = true;

    @Override
    public void init(Map<String, String> initArgs) {
        registered = !"false".equals(initArgs.get(REGISTERED));
    }

    @Override
    public Map<String, String> start() {
        KeyPair keys = TestKeys.rsaKeyPair();
        fake = FakeGitHub.start().app(APP_ID, keys.getPublic());
        Map<String, String> config = new java.util.HashMap<>(Map.of("github.api-url", fake.baseUrl(),
                "github.graphql-url", fake.baseUrl() + "/graphql",
                // Retries in tests wait milliseconds, not seconds.
                "bpkeeper.queue.first-backoff", "PT0.05S",
                "bpkeeper.queue.max-backoff", "PT0.2S",
                "bpkeeper.queue.max-attempts", "4",
                "github.request-timeout", "PT1S"));
        if (registered) {
            config.put("github.app-id", Long.toString(APP_ID));
            config.put("github.private-key", TestKeys.pkcs1Pem(keys));
        }
        return config;
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }
}
