package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsDependencyPolicyTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("dependency policy document", Repo.onGitHub().withFile("docs/dependency-policy.md"),
                        Status.MET, "docs/dependency-policy.md describes how dependencies are chosen"),
                Arguments.of("section in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "## Adding new dependencies\nAsk first."), Status.MET, "section \"Adding new dependencies\""),
                Arguments.of("rule in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "New dependencies must be approved by two maintainers."), Status.MET, "CONTRIBUTING.md covers"),
                Arguments.of("only a Dependabot configuration", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile(".github/dependabot.yml"), Status.MET, "shows how dependencies are tracked"),
                Arguments.of("a list of dependencies in the README is not a policy", Repo.onGitHub()
                        .withFile("README.md", "# W\nDependencies: Guava, Jackson."), Status.UNMET,
                        "No document describes how dependencies"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET,
                        "No document describes how dependencies"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No document describes how dependencies"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromDependencyDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsDependencyPolicy().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
