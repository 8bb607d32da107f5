package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasSecurityPolicyTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("SECURITY.md at the root", Repo.onGitHub().withFile("SECURITY.md"),
                        Status.MET, "SECURITY.md"),
                Arguments.of("security policy in .github/, lower case", Repo.onGitHub().withFile(".github/security.md"),
                        Status.MET, ".github/security.md"),
                Arguments.of("security policy in docs/ as reStructuredText", Repo.onGitHub().withFile("docs/SECURITY.rst"),
                        Status.MET, "docs/SECURITY.rst"),
                Arguments.of("SECURITY.md deep in a subproject does not count",
                        Repo.onGitHub().withFile("tools/SECURITY.md"), Status.UNMET, "No SECURITY file"),
                Arguments.of("organisation default policy", Repo.onGitHub().orgCommunityFiles("SECURITY.md"),
                        Status.MET, "organisation's default security policy"),
                Arguments.of("only private vulnerability reporting",
                        Repo.onGitHub().privateVulnerabilityReporting(true), Status.MET,
                        "Private vulnerability reporting is enabled"),
                Arguments.of("nothing at all", Repo.onGitHub(), Status.UNMET, "No SECURITY file"),
                Arguments.of("empty local directory: the owner's defaults cannot be seen", Repo.localDirectory(),
                        Status.UNKNOWN, "owner's .github repository"),
                Arguments.of("local checkout without a policy file: the owner's defaults cannot be seen",
                        Repo.localDirectory().withFiles("README.md", "src/main.c"), Status.UNKNOWN, "is not known"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().withFile("README.md").truncated(),
                        Status.UNKNOWN, "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromWhereGitHubLooks(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasSecurityPolicy().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }

    @org.junit.jupiter.api.Test
    void linksTheFilePinnedToTheEvaluatedCommit() {
        Finding finding = new HasSecurityPolicy().evaluate(Repo.onGitHub().withFile(".github/SECURITY.md").snapshot());

        assertThat(finding.evidence()).singleElement().satisfies(e -> assertThat(e.link())
                .isEqualTo(Repo.WEB_URL + "/blob/" + Repo.SHA + "/.github/SECURITY.md"));
    }

    @org.junit.jupiter.api.Test
    void aPolicyFileIsDecisiveButReportingFormAloneIsAProposal() {
        assertThat(new HasSecurityPolicy().evaluate(Repo.onGitHub().withFile("SECURITY.md").snapshot()).confidence())
                .isEqualTo(Confidence.DECISIVE);
        assertThat(new HasSecurityPolicy().evaluate(Repo.onGitHub().privateVulnerabilityReporting(true).snapshot())
                .confidence()).isEqualTo(Confidence.PROPOSAL);
    }
}
