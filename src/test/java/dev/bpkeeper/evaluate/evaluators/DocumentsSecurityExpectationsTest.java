package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsSecurityExpectationsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("security model document", Repo.onGitHub().withFile("docs/SECURITY_MODEL.md"),
                        Status.MET, "docs/SECURITY_MODEL.md describes what users can and cannot expect"),
                Arguments.of("Security considerations section in the README", Repo.onGitHub().withFile("README.md",
                        "# W\n## Security considerations\nInput is trusted."), Status.MET,
                        "section \"Security considerations\""),
                Arguments.of("scope section in SECURITY.md", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("SECURITY.md", "# Security\n## Reporting\nMail us.\n## Out of scope\nDoS."),
                        Status.MET, "SECURITY.md describes"),
                Arguments.of("a sentence on what it does not protect against", Repo.onGitHub().withFile("README.md",
                        "The sandbox does not protect against malicious plugins."), Status.MET, "README.md covers"),
                Arguments.of("only a security folder in docs", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("docs/security/hardening.md"), Status.MET, "confirm that it says"),
                Arguments.of("a reporting-only SECURITY.md does not count", Repo.onGitHub().withFile("README.md",
                        "# W").withFile("SECURITY.md", "# Security Policy\n## Reporting a Vulnerability\nMail us."),
                        Status.UNMET, "No security model"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No security model"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No security model"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromSecurityDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsSecurityExpectations().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
