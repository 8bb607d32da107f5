package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsSecretsPolicyTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("secrets policy document", Repo.onGitHub().withFile("docs/secrets-management.md"),
                        Status.MET, "docs/secrets-management.md describes how the project's secrets"),
                Arguments.of("section in SECURITY.md", Repo.onGitHub().withFile("SECURITY.md",
                        "## Secrets management\nOnly two maintainers hold the release keys."), Status.MET,
                        "section \"Secrets management\""),
                Arguments.of("rotation rule", Repo.onGitHub().withFile("GOVERNANCE.md",
                        "Release signing keys are rotated every year."), Status.MET, "GOVERNANCE.md covers"),
                Arguments.of("user documentation about the product's keys does not count", Repo.onGitHub()
                        .withFile("README.md", "# W\nAPI keys are stored in ~/.config/widget."), Status.UNMET,
                        "No policy says how the project's secrets"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No policy says how the project"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No policy says how the project"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromSecretsPolicies(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsSecretsPolicy().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
