package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasAssuranceCaseTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("assurance case document", Repo.onGitHub().withFile("docs/assurance-case.md"),
                        Status.MET, "docs/assurance-case.md describes an assurance case."),
                Arguments.of("trust boundaries section", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("SECURITY.md", "## Trust boundaries\nThe CLI trusts its user."), Status.MET,
                        "section \"Trust boundaries\""),
                Arguments.of("only a threat model", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("THREAT_MODEL.md"), Status.MET, "THREAT_MODEL.md is a threat model"),
                Arguments.of("a security policy is not an assurance case", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("SECURITY.md", "# Security\nMail us."), Status.UNMET, "No assurance case"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No assurance case"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No assurance case"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromAssuranceDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasAssuranceCase().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
