package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasSeveralActiveContributorsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("work shared by three people", Repo.onGitHub().history(Repo.history(100, Repo.NOW,
                        java.util.Map.of("ada", 40, "bob", 35, "cy", 25))), Status.MET,
                        "3 people made 100 commits in the last year; the busiest made 40% of them, so at least two"),
                Arguments.of("one person does most of the work", Repo.onGitHub().history(Repo.history(100, Repo.NOW,
                        java.util.Map.of("ada", 80, "bob", 20))), Status.UNMET, "the busiest made 80%"),
                Arguments.of("exactly half is still one person", Repo.onGitHub().history(Repo.history(100, Repo.NOW,
                        java.util.Map.of("ada", 50, "bob", 25, "cy", 25))), Status.UNMET, "busiest made 50%"),
                Arguments.of("bots do not count as people", Repo.onGitHub().history(Repo.history(100, Repo.NOW,
                        java.util.Map.of("ada", 30, "dependabot[bot]", 60, "renovate-bot", 10))), Status.UNMET,
                        "1 people made 30 commits"),
                Arguments.of("only bots", Repo.onGitHub().history(Repo.history(5, Repo.NOW,
                        java.util.Map.of("github-actions[bot]", 5))), Status.UNKNOWN, "No commits by people"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "commit history is not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromLastYearsCommits(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasSeveralActiveContributors().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
