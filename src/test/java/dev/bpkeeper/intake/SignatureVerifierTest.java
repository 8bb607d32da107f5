package dev.bpkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
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

    @Test
    void rejectsASignatureWrongInOnlyItsFirstOrOnlyItsLastCharacterAndOfAnyLength() {
        SignatureVerifier verifier = new SignatureVerifier(SECRET);
        String hex = SIGNATURE.substring("sha256=".length());
        char first = hex.charAt(0) == '0' ? '1' : '0';
        char last = hex.charAt(hex.length() - 1) == '0' ? '1' : '0';

        assertThat(verifier.verify(BODY, "sha256=" + first + hex.substring(1))).isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + hex.substring(0, hex.length() - 1) + last)).isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + hex.substring(0, 63))).as("one character short").isFalse();
        assertThat(verifier.verify(BODY, SIGNATURE + "0")).as("one character long").isFalse();
        assertThat(verifier.verify(BODY, "sha256=")).as("the prefix alone").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + "\u00e9".repeat(64))).as("not ASCII").isFalse();
        assertThat(verifier.verify(BODY, " " + SIGNATURE + " ")).as("with a leading blank")
                .isFalse();
    }

    @Test
    void comparesWithTheConstantTimeMessageDigestIsEqualAndNothingThatStopsAtTheFirstDifference() {
        JavaClass verifier = new ClassFileImporter().importClass(SignatureVerifier.class);
        Set<String> calls = verifier.getMethodCallsFromSelf().stream().map(JavaMethodCall::getTarget)
                .map(t -> t.getOwner().getName() + "." + t.getName()).collect(Collectors.toSet());

        assertThat(calls).contains(MessageDigest.class.getName() + ".isEqual");
        assertThat(calls).as("early-exit comparisons").doesNotContain(String.class.getName() + ".equals",
                String.class.getName() + ".equalsIgnoreCase", String.class.getName() + ".contentEquals",
                String.class.getName() + ".compareTo", Arrays.class.getName() + ".equals",
                Arrays.class.getName() + ".compare", Arrays.class.getName() + ".mismatch",
                Object.class.getName() + ".equals");
    }

    @Test
    void theComparisonCoversTheWholeDigestNotAPrefix() {
        // A verifier that compared only a prefix would accept a header carrying the right first half.
        SignatureVerifier verifier = new SignatureVerifier(SECRET);
        byte[] other = HexFormat.of().parseHex(SIGNATURE.substring(7));
        other[31] ^= 1;
        assertThat(verifier.verify(BODY, "sha256=" + HexFormat.of().formatHex(other))).isFalse();
    }
}
