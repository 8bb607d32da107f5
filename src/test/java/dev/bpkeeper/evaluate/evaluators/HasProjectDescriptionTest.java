package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasProjectDescriptionTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("README opens with prose", Repo.onGitHub().withFile("README.md", "# Widget\n\n"
                        + "[![ci](https://x/badge.svg)](https://x)\n\nWidget turns plain text files into fast static"
                        + " sites for small teams."), Status.MET, "README.md opens with a description: \"Widget turns"),
                Arguments.of("reStructuredText README", Repo.onGitHub().description("").withFile("README.rst",
                        "Widget\n======\n\n.. image:: https://x/badge.svg\n   :target: https://x\n\n"
                                + "Widget parses **YAML** files and reports every schema violation it finds."),
                        Status.MET, "Widget parses YAML files"),
                Arguments.of("only the repository description", Repo.onGitHub().withFile("README.md",
                        "# Widget\n![logo](logo.png)\n"), Status.MET,
                        "The repository description says \"Widgets for everyone\"."),
                Arguments.of("badges, a table of contents and code are not a description", Repo.onGitHub()
                        .description("").withFile("README.md", "# Widget\n[![ci](https://x)](https://y)\n"
                                + "- [Install](#install)\n- [Usage](#usage)\n```\n"
                                + "widget --make all the things now\n```"),
                        Status.UNMET, "has no paragraph saying what the software does"),
                Arguments.of("README not read and no description", Repo.onGitHub().description("")
                        .withFile("README.md"), Status.UNKNOWN, "was not read"),
                Arguments.of("empty repository with a description", Repo.onGitHub(), Status.MET,
                        "Widgets for everyone"),
                Arguments.of("empty repository without a description", Repo.onGitHub().description(""), Status.UNMET,
                        "There is no README, and the repository has no description."),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "no repository description is known"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().description("").truncated(),
                        Status.UNKNOWN, "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheReadmeAndDescription(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasProjectDescription().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
