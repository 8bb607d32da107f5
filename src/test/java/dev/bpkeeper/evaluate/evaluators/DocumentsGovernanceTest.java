package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsGovernanceTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("GOVERNANCE.md at the root", Repo.onGitHub().withFile("GOVERNANCE.md"),
                        Status.MET, "GOVERNANCE.md describes the project's governance."),
                Arguments.of("governance pages in docs/", Repo.onGitHub().withFile("docs/governance/charter.md"),
                        Status.MET, "docs/governance/charter.md"),
                Arguments.of("governance section in the README",
                        Repo.onGitHub().withFile("README.md", "# W\n## Project governance\nThe maintainers decide."),
                        Status.MET, "section \"Project governance\""),
                Arguments.of("decision rule in CONTRIBUTING",
                        Repo.onGitHub().withFile("README.md", "# W\n").withFile("CONTRIBUTING.md",
                                "Decisions are made by lazy consensus among maintainers."),
                        Status.MET, "CONTRIBUTING.md covers"),
                Arguments.of("organisation default", Repo.onGitHub().orgCommunityFiles("GOVERNANCE.md"),
                        Status.MET, "organisation's default GOVERNANCE.md"),
                Arguments.of("a governance tool's README that only uses the word",
                        Repo.onGitHub().withFile("README.md", "# W\nA library for data governance audits."),
                        Status.UNMET, "No GOVERNANCE file"),
                Arguments.of("GOVERNANCE.md of a vendored project does not count",
                        Repo.onGitHub().withFile("vendor/lib/GOVERNANCE.md"), Status.UNMET, "No GOVERNANCE file"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No GOVERNANCE file"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No GOVERNANCE file"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromGovernanceDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsGovernance().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
