package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasRoadmapTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("ROADMAP.md at the root", Repo.onGitHub().withFile("ROADMAP.md"), Status.MET,
                        "ROADMAP.md describes the project's roadmap."),
                Arguments.of("roadmap page in docs/", Repo.onGitHub().withFile("docs/roadmap.rst"), Status.MET,
                        "docs/roadmap.rst"),
                Arguments.of("Future plans section in the README",
                        Repo.onGitHub().withFile("README.md", "# W\n\n## Future plans\n- faster"), Status.MET,
                        "section \"Future plans\""),
                Arguments.of("link to the milestones", Repo.onGitHub().withFile("README.md",
                        "Planned work: https://github.com/acme/widget/milestones"), Status.MET, "milestones"),
                Arguments.of("the word in a sentence does not count",
                        Repo.onGitHub().withFile("README.md", "# W\nWe have no roadmap yet."), Status.UNMET,
                        "No ROADMAP file"),
                Arguments.of("a link to the issues is not a roadmap",
                        Repo.onGitHub().withFile("README.md", "See https://github.com/acme/widget/issues"),
                        Status.UNMET, "No ROADMAP file"),
                Arguments.of("ROADMAP.md in a subproject does not count",
                        Repo.onGitHub().withFile("tools/ROADMAP.md"), Status.UNMET, "No ROADMAP file"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No ROADMAP file"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No ROADMAP file"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromRoadmapDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasRoadmap().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
