package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsSupportScopeTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("supported-versions table in SECURITY.md", Repo.onGitHub().withFile("SECURITY.md",
                        "# Security\n## Supported Versions\n| 2.x | :white_check_mark: |"), Status.MET,
                        "section \"Supported Versions\""),
                Arguments.of("only the latest release is supported", Repo.onGitHub().withFile("README.md",
                        "Only the latest minor release receives security fixes."), Status.MET, "README.md covers"),
                Arguments.of("end-of-life document", Repo.onGitHub().withFile("docs/EOL.md"), Status.MET,
                        "docs/EOL.md describes which releases are supported"),
                Arguments.of("GitHub's unedited SECURITY.md template promises nothing", Repo.onGitHub()
                        .withFile("SECURITY.md", "## Supported Versions\n\nUse this section to tell people about"
                                + " which versions of your project are currently being supported.").tags(Repo.tag("v1")),
                        Status.UNMET, "No supported-versions table"),
                Arguments.of("SUPPORT.md says where to get help, not how long releases live", Repo.onGitHub()
                        .withFile("SUPPORT.md", "Ask questions in Discussions.").tags(Repo.tag("v1")),
                        Status.UNMET, "No supported-versions table"),
                Arguments.of("no releases yet", Repo.onGitHub().withFile("README.md", "# W").tags().releases(),
                        Status.NOT_APPLICABLE, "no releases yet"),
                Arguments.of("only the organisation default policy", Repo.onGitHub().orgCommunityFiles("SECURITY.md"),
                        Status.UNKNOWN, "its text is not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No supported-versions table"),
                Arguments.of("empty local directory: the owner's default policy cannot be seen",
                        Repo.localDirectory(), Status.UNKNOWN, "no SECURITY file or README section of its own"),
                Arguments.of("local checkout whose own policy is silent on support",
                        Repo.localDirectory().withFile("SECURITY.md", "Mail reports to the team; we answer quickly."),
                        Status.UNMET, "No supported-versions table"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromSupportPolicies(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsSupportScope().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
