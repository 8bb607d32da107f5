package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsRolesTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("MAINTAINERS.md at the root", Repo.onGitHub().withFile("MAINTAINERS.md"), Status.MET,
                        "MAINTAINERS.md describes the project's roles and who holds them."),
                Arguments.of("OWNERS file without ending", Repo.onGitHub().withFile("OWNERS"), Status.MET, "OWNERS"),
                Arguments.of("Maintainers section in the README",
                        Repo.onGitHub().withFile("README.md", "# W\n## Maintainers\n- Ada (releases)"), Status.MET,
                        "section \"Maintainers\""),
                Arguments.of("only CODEOWNERS", Repo.onGitHub().withFile("README.md", "# W\n")
                        .withFile(".github/CODEOWNERS", "* @ada"), Status.MET, "confirm that the documentation"),
                Arguments.of("only GOVERNANCE.md", Repo.onGitHub().withFile("README.md", "# W\n")
                        .withFile("GOVERNANCE.md"), Status.MET, "GOVERNANCE.md names who is responsible"),
                Arguments.of("a thank-you to contributors is not a list of roles", Repo.onGitHub().withFile(
                        "README.md", "# W\nThanks to the team at Acme."), Status.UNMET, "No MAINTAINERS"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No MAINTAINERS"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No MAINTAINERS"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromRoleDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsRoles().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
