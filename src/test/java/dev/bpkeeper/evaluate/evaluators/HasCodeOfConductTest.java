package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasCodeOfConductTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("CODE_OF_CONDUCT.md at the root", Repo.onGitHub().withFile("CODE_OF_CONDUCT.md"),
                        Status.MET, "The code of conduct is in CODE_OF_CONDUCT.md."),
                Arguments.of("code of conduct in .github/", Repo.onGitHub().withFile(".github/code-of-conduct.md"),
                        Status.MET, ".github/code-of-conduct.md"),
                Arguments.of("organisation default", Repo.onGitHub().orgCommunityFiles("CODE_OF_CONDUCT.md"),
                        Status.MET, "organisation's default code of conduct"),
                Arguments.of("README adopts the Contributor Covenant", Repo.onGitHub().withFile("README.md",
                        "# W\nWe follow https://www.contributor-covenant.org/version/2/1/code_of_conduct/"),
                        Status.MET, "README.md adopts a code of conduct"),
                Arguments.of("a code of conduct deep in a subproject does not count",
                        Repo.onGitHub().withFile("examples/app/CODE_OF_CONDUCT.md"), Status.UNMET,
                        "No CODE_OF_CONDUCT file"),
                Arguments.of("mentioning conduct without adopting a code", Repo.onGitHub().withFile("README.md",
                        "# W\nBe nice; we have no code of conduct yet."), Status.UNMET, "No CODE_OF_CONDUCT file"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No CODE_OF_CONDUCT file"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No CODE_OF_CONDUCT file"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromWhereGitHubLooks(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasCodeOfConduct().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
