package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiresContributorSignOffTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("DCO explained in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "All commits must be signed off (git commit -s) per the Developer Certificate of Origin."),
                        Status.MET, "CONTRIBUTING.md asks for it"),
                Arguments.of("DCO app", Repo.onGitHub().withFile(".github/dco.yml"), Status.MET,
                        "the DCO app is configured (.github/dco.yml)"),
                Arguments.of("CLA check on pull requests", Repo.onGitHub().withWorkflow(".github/workflows/cla.yml",
                        java.util.Set.of("pull_request_target"), "uses: contributor-assistant/github-action@v2"),
                        Status.MET, "the workflow .github/workflows/cla.yml checks sign-off or a CLA"),
                Arguments.of("every recent commit signed off", Repo.onGitHub().history(Repo.signOffs(20, 20)),
                        Status.MET, "20 of the 20 latest commits carry Signed-off-by"),
                Arguments.of("web sign-off required", Repo.onGitHub().webCommitSignoffRequired(true), Status.MET,
                        "commits made on the web require sign-off"),
                Arguments.of("some sign-offs are a habit, not a rule", Repo.onGitHub().history(Repo.signOffs(5, 20)),
                        Status.UNMET, "and only 5 of the 20 latest commits carry Signed-off-by"),
                Arguments.of("a DCO check that runs only on push does not gate contributions", Repo.onGitHub()
                        .withWorkflow(".github/workflows/x.yml", java.util.Set.of("push"), "run: ./check-dco.sh")
                        .history(Repo.signOffs(0, 20)), Status.UNMET, "No DCO or CLA requirement"),
                Arguments.of("a clause about something else", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "Please sign up for the newsletter.").history(Repo.signOffs(0, 20)), Status.UNMET,
                        "No DCO or CLA"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "commit history"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "commit history"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromRulesChecksAndHistory(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new RequiresContributorSignOff().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
