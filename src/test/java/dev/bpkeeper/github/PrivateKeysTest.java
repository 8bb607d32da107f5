package dev.bpkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {
    static KeyPair keys;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void readsThePkcs1PemGitHubHandsOut() throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(keys);
        }
        assertThat(pem.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertThat(PrivateKeys.fromPem(pem.toString()).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void readsPkcs8() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        PrivateKey key = PrivateKeys.fromPem(pem);

        assertThat(key.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void readsAKeyWhoseNewlinesAnEnvironmentVariableEscaped() {
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----";

        assertThat(PrivateKeys.fromPem(pem).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void somethingElseIsAClearErrorThatNeverEchoesTheInput() {
        String secretLooking = "ghp_notakeybutasecret123";

        assertThatThrownBy(() -> PrivateKeys.fromPem(secretLooking)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an unencrypted PEM private key").hasMessageNotContaining(secretLooking);
    }
}
