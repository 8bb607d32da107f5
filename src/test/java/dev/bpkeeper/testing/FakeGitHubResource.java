package dev.bpkeeper.testing;

import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

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

    @Override
    public Map<String, String> start() {
        KeyPair keys = rsaKeyPair();
        fake = FakeGitHub.start().app(APP_ID, keys.getPublic());
        return Map.of("github.api-url", fake.baseUrl(),
                "github.graphql-url", fake.baseUrl() + "/graphql",
                "github.app-id", Long.toString(APP_ID),
                "github.private-key", pkcs1Pem(keys),
                // Retries in tests wait milliseconds, not seconds.
                "bpkeeper.queue.first-backoff", "PT0.05S",
                "bpkeeper.queue.max-backoff", "PT0.2S",
                "bpkeeper.queue.max-attempts", "4",
                "github.request-timeout", "PT1S");
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "-----BEGIN RSA PRIVATE KEY-----": BouncyCastle writes RSA keys in the traditional PKCS#1 form. */
    static String pkcs1Pem(KeyPair keys) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
