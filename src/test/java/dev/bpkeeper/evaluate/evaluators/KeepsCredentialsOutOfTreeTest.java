package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeepsCredentialsOutOfTreeTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("sources only", Repo.onGitHub().withFiles("pom.xml", "src/main/java/Key.java"),
                        Status.MET, "No private key or secret files (such as id_rsa"),
                Arguments.of("an SSH private key", Repo.onGitHub().withFiles("deploy/id_rsa", "deploy/id_rsa.pub"),
                        Status.UNMET, "committed: deploy/id_rsa. If any holds a real credential"),
                Arguments.of("a .env file and a server key", Repo.onGitHub().withFiles(".env", "config/server.key"),
                        Status.UNMET, ".env and config/server.key"),
                Arguments.of("a keystore at the root", Repo.onGitHub().withFile("release.keystore"), Status.UNMET,
                        "release.keystore"),
                Arguments.of("public halves, templates and certificates", Repo.onGitHub()
                        .withFiles("id_ed25519.pub", ".env.example", "certs/cacert.pem", "tls/server-cert.pem",
                                "docs/keys.md"), Status.MET, "No private key or secret files"),
                Arguments.of("a keystore among test resources", Repo.onGitHub()
                        .withFiles("src/test/resources/test.jks", "testdata/server.key"), Status.MET,
                        "src/test/resources/test.jks and testdata/server.key look like test fixtures"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.MET, "No private key"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.MET, "No private key"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(),
                        Status.UNKNOWN, "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void judgesFileNames(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new KeepsCredentialsOutOfTree().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }

    @Test
    void fileNamesAloneNeverSettleIt() {
        // A name cannot tell a real key from a dummy, nor see a token pasted into a source file.
        assertThat(new KeepsCredentialsOutOfTree().evaluate(Repo.onGitHub().withFile("pom.xml").snapshot())
                .confidence()).isEqualTo(Confidence.PROPOSAL);
        assertThat(new KeepsCredentialsOutOfTree().evaluate(Repo.onGitHub().withFile("id_rsa").snapshot())
                .confidence()).isEqualTo(Confidence.PROPOSAL);
    }
}
