package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsBuildInstructionsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("BUILDING.md", Repo.onGitHub().withFile("BUILDING.md"), Status.MET,
                        "BUILDING.md describes how to build the software."),
                Arguments.of("Building from source section", Repo.onGitHub().withFile("README.md",
                        "# W\n## Building from source\nNeeds JDK 17."), Status.MET, "section \"Building from source\""),
                Arguments.of("build command in CONTRIBUTING", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("CONTRIBUTING.md", "Run:\n\n    ./mvnw -B verify\n"), Status.MET,
                        "CONTRIBUTING.md covers how to build the software"),
                Arguments.of("only an INSTALL file", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("INSTALL"), Status.MET, "confirm that it covers building from source"),
                Arguments.of("a build badge is not a build section", Repo.onGitHub().withFile("README.md",
                        "# W\n## Build status\n![ci](badge.svg)"), Status.UNMET, "No build instructions"),
                Arguments.of("installing a library is not building it", Repo.onGitHub().withFile("README.md",
                        "# W\n\n    npm install widget\n"), Status.UNMET, "No build instructions"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No build instructions"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No build instructions"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromBuildDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsBuildInstructions().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
