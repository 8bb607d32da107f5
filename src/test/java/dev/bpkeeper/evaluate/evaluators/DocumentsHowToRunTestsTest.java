package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsHowToRunTestsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("TESTING.md", Repo.onGitHub().withFile("TESTING.md"), Status.MET,
                        "TESTING.md describes how to run the tests."),
                Arguments.of("Running the tests section", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "## Running the tests\nUse the wrapper."), Status.MET, "section \"Running the tests\""),
                Arguments.of("test command in the development guide", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("DEVELOPMENT.md", "Then run `go test ./...` before pushing."), Status.MET,
                        "DEVELOPMENT.md covers how to run the tests"),
                Arguments.of("a Makefile target is not documentation", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("Makefile", "test:\n\tgo test ./...\n"), Status.UNMET, "No document explains"),
                Arguments.of("a Tested-with line is not a test section", Repo.onGitHub().withFile("README.md",
                        "# W\n## Tested on\nLinux"), Status.UNMET, "No document explains how to run the tests"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET,
                        "No document explains how to run the tests"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No document explains how to run the tests"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTestingDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsHowToRunTests().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
