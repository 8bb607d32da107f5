package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasIssueTrackerTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("GitHub Issues on a public repository", Repo.onGitHub(), Status.MET,
                        "public GitHub Issues at https://github.com/acme/widget/issues"),
                Arguments.of("Jira linked from CONTRIBUTING", Repo.onGitHub().issuesAndDiscussions(false, false)
                        .withFile("CONTRIBUTING.md", "Report bugs at https://issues.apache.org/jira/browse/WIDGET"),
                        Status.MET, "CONTRIBUTING.md points to the issue tracker"),
                Arguments.of("private repository", Repo.onGitHub().privateRepository(), Status.UNMET, "private"),
                Arguments.of("issues disabled and nothing linked", Repo.onGitHub().issuesAndDiscussions(false, true)
                        .withFile("README.md", "# W\nSee https://acme.dev/docs"), Status.UNMET,
                        "GitHub Issues are disabled"),
                Arguments.of("a link to a pull request is not a tracker", Repo.onGitHub()
                        .issuesAndDiscussions(false, false).withFile("README.md",
                                "Fixed in https://github.com/acme/widget/pull/12"), Status.UNMET, "disabled"),
                Arguments.of("a link to one numbered issue is not the tracker", Repo.onGitHub()
                        .issuesAndDiscussions(false, false).withFile("README.md",
                                "The 1.x line ended with https://example.org/w/issues/328"), Status.UNMET, "disabled"),
                Arguments.of("a changelog's issue links are history, not a place to report", Repo.localDirectory()
                        .withFile("CHANGELOG.md", "## 1.1\n- see https://example.org/w/issues/12 and"
                                + " https://example.org/w/issues for more"), Status.UNKNOWN,
                        "Whether GitHub Issues are enabled is not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "Whether GitHub Issues are enabled is not known"),
                Arguments.of("local directory whose README links the tracker", Repo.localDirectory()
                        .withFile("README.md", "Bugs: https://gitlab.com/acme/widget/-/issues"), Status.MET,
                        "README.md points to the issue tracker"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromIssuesAndLinks(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasIssueTracker().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
