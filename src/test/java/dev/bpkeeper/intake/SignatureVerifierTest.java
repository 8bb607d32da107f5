package dev.bpkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    /** The example in GitHub's "Validating webhook deliveries". */
    static final String SECRET = "It's a Secret to Everybody";
    static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void acceptsGitHubsDocumentedTestVector() {
        assertThat(new SignatureVerifier(SECRET).verify(BODY, SIGNATURE)).isTrue();
        assertThat(new SignatureVerifier(SECRET).sign(BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void rejectsTheVectorWithOneByteChanged() {
        byte[] changed = "Hello, World?".getBytes(StandardCharsets.UTF_8);
        assertThat(new SignatureVerifier(SECRET).verify(changed, SIGNATURE)).isFalse();
        assertThat(new SignatureVerifier(SECRET).verify(BODY, SIGNATURE.replace("e17", "e18"))).isFalse();
    }

    @Test
    void rejectsAnotherSecretMissingOrMalformedHeaders() {
        SignatureVerifier verifier = new SignatureVerifier(SECRET);
        assertThat(new SignatureVerifier("another secret").verify(BODY, SIGNATURE)).isFalse();
        assertThat(verifier.verify(BODY, null)).isFalse();
        assertThat(verifier.verify(BODY, "")).isFalse();
        assertThat(verifier.verify(BODY, SIGNATURE.substring(7))).as("without the sha256= prefix").isFalse();
        assertThat(verifier.verify(BODY, "sha1=" + SIGNATURE.substring(7))).isFalse();
        assertThat(verifier.verify(BODY, SIGNATURE.toUpperCase())).isFalse();
    }

    @Test
    void refusesToWorkWithoutASecret() {
        assertThatThrownBy(() -> new SignatureVerifier("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
