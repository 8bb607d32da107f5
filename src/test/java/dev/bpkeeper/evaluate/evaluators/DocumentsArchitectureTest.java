package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsArchitectureTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("ARCHITECTURE.md at the root", Repo.onGitHub().withFile("ARCHITECTURE.md"), Status.MET,
                        "ARCHITECTURE.md describes the software's architecture."),
                Arguments.of("architecture decision records", Repo.onGitHub().withFile("docs/adr/0001-use-java.md"),
                        Status.MET, "docs/adr/0001-use-java.md"),
                Arguments.of("design document in docs/", Repo.onGitHub().withFile("docs/design.md"), Status.MET,
                        "docs/design.md"),
                Arguments.of("How it works section in the README",
                        Repo.onGitHub().withFile("README.md", "# W\n## How it works\nThe parser feeds the engine."),
                        Status.MET, "section \"How it works\""),
                Arguments.of("only a diagram", Repo.onGitHub().withFile("README.md", "# W\n")
                        .withFile("docs/components.drawio"), Status.MET, "design diagram"),
                Arguments.of("the word in a sentence does not count", Repo.onGitHub().withFile("README.md",
                        "# W\nA clean architecture for widgets."), Status.UNMET, "No ARCHITECTURE or design document"),
                Arguments.of("DESIGN.md of a dependency does not count",
                        Repo.onGitHub().withFile("third_party/x/DESIGN.md"), Status.UNMET, "No ARCHITECTURE"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No ARCHITECTURE"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No ARCHITECTURE"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromDesignDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsArchitecture().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
