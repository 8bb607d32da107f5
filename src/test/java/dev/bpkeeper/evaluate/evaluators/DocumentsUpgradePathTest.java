package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsUpgradePathTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("UPGRADING.md at the root", Repo.onGitHub().withFile("UPGRADING.md"), Status.MET,
                        "UPGRADING.md describes how to upgrade between versions."),
                Arguments.of("migration guides in docs/", Repo.onGitHub().withFile("docs/migration/v2-to-v3.md"),
                        Status.MET, "docs/migration/v2-to-v3.md"),
                Arguments.of("breaking-changes section in the changelog", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("CHANGELOG.md", "# 3.0.0\n### Breaking changes\n- renamed X"), Status.MET,
                        "CHANGELOG.md describes how to upgrade between versions in the section \"Breaking changes\""),
                Arguments.of("supported-versions table in SECURITY.md", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("SECURITY.md", "## Supported Versions\n| 2.x | yes |"), Status.MET,
                        "section \"Supported Versions\""),
                Arguments.of("GitHub's unedited SECURITY.md template promises nothing", Repo.onGitHub()
                        .withFile("README.md", "# W").withFile("SECURITY.md", "# Security Policy\n\n## Supported"
                                + " Versions\n\nUse this section to tell people about which versions of your project"
                                + " are currently being supported with security updates.\n"),
                        Status.UNMET, "No upgrade or migration guide"),
                Arguments.of("a sentence about upgrading is not a guide", Repo.onGitHub().withFile("README.md",
                        "# W\nRemember to upgrade your JDK."), Status.UNMET, "No upgrade or migration guide"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No upgrade or migration guide"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No upgrade or migration guide"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromUpgradeDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsUpgradePath().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
