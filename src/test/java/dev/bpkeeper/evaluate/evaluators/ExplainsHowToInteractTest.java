package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExplainsHowToInteractTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("install section, issues and a contribution guide", Repo.onGitHub()
                        .withFile("README.md", "# W\n## Installation\n    pip install widget")
                        .withFile("CONTRIBUTING.md"),
                        Status.MET, "how to obtain it (README.md, line 2), feedback through GitHub Issues and how to"
                                + " contribute (CONTRIBUTING.md)"),
                Arguments.of("install command, mailing list and contributing section without GitHub Issues",
                        Repo.onGitHub().issuesAndDiscussions(false, false).withFile("README.md", "# W\n\n"
                                + "    cargo install widget\n\nQuestions go to the mailing list.\n\n## Contributing\n"),
                        Status.MET, "how to give feedback (README.md, line 5)"),
                Arguments.of("releases offer the downloads", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile(".github/CONTRIBUTING.md").releases(Repo.release("v1.0.0", "Notes")),
                        Status.MET, "downloads on the GitHub releases page"),
                Arguments.of("no way to obtain it or to contribute", Repo.onGitHub().withFile("README.md",
                        "# W\nA widget."), Status.UNMET,
                        "does not explain how to obtain the software and how to contribute. It does explain"
                                + " feedback through GitHub Issues."),
                Arguments.of("a contributors list is not a contribution guide", Repo.onGitHub().withFile("README.md",
                        "# W\n## Installation\nDownload it.\nThanks to all contributors!"), Status.UNMET,
                        "does not explain how to contribute"),
                Arguments.of("README not read", Repo.onGitHub().withFile("README.md"), Status.UNKNOWN, "not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "how to obtain the software"),
                Arguments.of("empty local directory: releases, Issues and the owner's defaults cannot be seen",
                        Repo.localDirectory(), Status.UNKNOWN,
                        "how to obtain the software, how to give feedback and how to contribute"),
                Arguments.of("local checkout with install steps and a guide: whether Issues are open cannot be seen",
                        Repo.localDirectory().withFile("README.md", "# W\n## Installing\n    gem install widget\n")
                                .withFile("CONTRIBUTING.md", "Send pull requests."),
                        Status.UNKNOWN, "Whether GitHub Issues are open for feedback"),
                Arguments.of("a changelog's numbered issue links are history, not a way to give feedback",
                        Repo.localDirectory().withFile("README.md", "# W\n## Installing\n    gem install widget\n")
                                .withFile("CONTRIBUTING.md", "Send pull requests.")
                                .withFile("CHANGELOG.md", "## 2.0\n- faster start ([#41](https://example.org/w/issues/41))"),
                        Status.UNKNOWN, "do not explain how to give feedback"),
                Arguments.of("a README naming one numbered issue gives no way to report",
                        Repo.onGitHub().issuesAndDiscussions(false, false).withFile("README.md", "# W\n## Installing\n"
                                + "    gem install widget\nThe old API was dropped (https://example.org/w/issues/7).\n")
                                .withFile("CONTRIBUTING.md", "Send pull requests."),
                        Status.UNMET, "does not explain how to give feedback"),
                Arguments.of("local checkout linking its tracker page", Repo.localDirectory().withFile("README.md",
                                "# W\n## Installing\n    gem install widget\nBugs go to https://example.org/w/issues\n")
                                .withFile("CONTRIBUTING.md", "Send pull requests."),
                        Status.MET, "how to give feedback (README.md, line 4)"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheReadme(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new ExplainsHowToInteract().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
