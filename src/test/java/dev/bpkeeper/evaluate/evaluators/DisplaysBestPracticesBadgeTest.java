package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisplaysBestPracticesBadgeTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("bestpractices.dev badge", Repo.onGitHub().withFile("README.md", "# W\n"
                        + "[![OpenSSF Best Practices](https://www.bestpractices.dev/projects/1234/badge)]"
                        + "(https://www.bestpractices.dev/projects/1234)"), Status.MET, "README.md shows the OpenSSF"),
                Arguments.of("old coreinfrastructure.org badge", Repo.onGitHub().withFile("README.rst",
                        ".. image:: https://bestpractices.coreinfrastructure.org/projects/42/badge"), Status.MET,
                        "line 1"),
                Arguments.of("a link to the criteria is not the project's badge", Repo.onGitHub()
                        .withFile("README.md", "We follow https://www.bestpractices.dev/en/criteria/0"),
                        Status.UNMET, "does not link to the project's OpenSSF Best Practices badge"),
                Arguments.of("a Scorecard badge is another badge", Repo.onGitHub().withFile("README.md",
                        "![](https://api.securityscorecards.dev/projects/github.com/acme/widget/badge)"),
                        Status.UNMET, "does not link"),
                Arguments.of("README not read", Repo.onGitHub().withFile("README.md"), Status.UNKNOWN, "not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "There is no README"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "There is no README"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheReadme(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DisplaysBestPracticesBadge().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
