package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasInterfaceDocumentationTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("OpenAPI description", Repo.onGitHub().withFile("api/openapi.yaml"), Status.MET,
                        "api/openapi.yaml describes the software's external interface."),
                Arguments.of("command-line reference in docs/", Repo.onGitHub().withFile("docs/cli.md"), Status.MET,
                        "docs/cli.md"),
                Arguments.of("Options section in the README", Repo.onGitHub().withFile("README.md",
                        "# W\n## Command-line options\n--fast"), Status.MET, "section \"Command-line options\""),
                Arguments.of("link to generated API docs", Repo.onGitHub().withFile("README.md",
                        "API: https://javadoc.io/doc/dev.acme/widget"), Status.MET, "javadoc.io"),
                Arguments.of("only a documentation generator", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("mkdocs.yml"), Status.MET, "configures a documentation generator"),
                Arguments.of("an OpenAPI file of a vendored library does not count", Repo.onGitHub()
                        .withFile("README.md", "# W").withFile("vendor/x/openapi.json"), Status.UNMET,
                        "No interface reference"),
                Arguments.of("References in the README are a bibliography", Repo.onGitHub().withFile("README.md",
                        "# W\n## References\n1. Knuth"), Status.UNMET, "No interface reference"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No interface reference"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No interface reference"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromReferenceDocumentation(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasInterfaceDocumentation().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
