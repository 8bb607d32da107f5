package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasInterimCommitsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("many commits per tag", Repo.onGitHub().tags(Repo.tag("v1.0.0"), Repo.tag("v1.1.0"))
                        .history(Repo.history(240, Repo.NOW, java.util.Map.of("ada", 10))), Status.MET,
                        "240 commit(s) for 2 tag(s)"),
                Arguments.of("one commit per release", Repo.onGitHub().tags(Repo.tag("v1"), Repo.tag("v2"),
                        Repo.tag("v3")).history(Repo.history(3, Repo.NOW, java.util.Map.of("ada", 3))), Status.UNMET,
                        "looks like release snapshots"),
                Arguments.of("commits but no tags yet", Repo.onGitHub().tags().history(Repo.history(5, Repo.NOW,
                        java.util.Map.of("ada", 5))), Status.MET, "5 commit(s) and no release tags"),
                Arguments.of("a single commit cannot tell", Repo.onGitHub().tags().history(Repo.history(1, Repo.NOW,
                        java.util.Map.of("ada", 1))), Status.UNKNOWN, "too little to tell"),
                Arguments.of("history unknown", Repo.onGitHub().tags(Repo.tag("v1")), Status.UNKNOWN,
                        "commit history is not known"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheHistory(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasInterimCommits().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
