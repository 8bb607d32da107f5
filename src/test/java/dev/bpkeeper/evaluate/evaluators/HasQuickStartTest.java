package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasQuickStartTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("Getting started section in the README",
                        Repo.onGitHub().withFile("README.md", "# Widget\n\n## Getting Started\n\nmvn install"),
                        Status.MET, "section \"Getting Started\""),
                Arguments.of("quick-start page in docs/", Repo.onGitHub().withFile("docs/quickstart.md"), Status.MET,
                        "docs/quickstart.md describes a quick start."),
                Arguments.of("tutorial folder", Repo.onGitHub().withFile("docs/tutorials/first-widget.md"), Status.MET,
                        "docs/tutorials/first-widget.md"),
                Arguments.of("Usage section in reStructuredText",
                        Repo.onGitHub().withFile("README.rst", "Widget\n======\n\nUsage\n-----\n\n  widget run"),
                        Status.MET, "section \"Usage\""),
                Arguments.of("a sentence about getting started is not a guide", Repo.onGitHub().withFile("README.md",
                        "# W\nGetting started with widgets is hard."), Status.UNMET, "No quick-start guide"),
                Arguments.of("a heading that only contains the word as part of another",
                        Repo.onGitHub().withFile("README.md", "# W\n## Usages of widgets in history"),
                        Status.UNMET, "No quick-start guide"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No quick-start guide"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No quick-start guide"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromQuickStartGuides(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasQuickStart().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
