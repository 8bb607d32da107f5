package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsTestPolicyTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("CONTRIBUTING asks for tests", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "# Contributing\n\nPlease add unit tests for any new feature."), Status.MET,
                        "CONTRIBUTING.md covers the rule that changes come with tests"),
                Arguments.of("new features must come with tests", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "All new features must be covered by automated tests."), Status.MET, "CONTRIBUTING.md"),
                Arguments.of("checklist in the pull-request template", Repo.onGitHub().withFile(
                        ".github/pull_request_template.md", "- [ ] I have added tests that prove my fix works"),
                        Status.MET, ".github/pull_request_template.md"),
                Arguments.of("tests are mandatory", Repo.onGitHub().withFile("docs/contributing.md",
                        "Tests are mandatory."), Status.MET, "docs/contributing.md"),
                Arguments.of("how to run the tests is not a policy", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "Please make sure to run the tests with mvn test."), Status.UNMET, "asks for tests"),
                Arguments.of("passing the tests is not adding them", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "All changes must pass the tests in CI."), Status.UNMET, "asks for tests"),
                Arguments.of("prerequisites that mention tests", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "You should have Java installed to run tests."), Status.UNMET, "asks for tests"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "asks for tests"),
                Arguments.of("empty local directory: the owner's default guide cannot be seen", Repo.localDirectory(),
                        Status.UNKNOWN, "no CONTRIBUTING file or README section of its own"),
                Arguments.of("local checkout whose README section on contributing does not ask for tests",
                        Repo.localDirectory().withFile("README.md", "# Gadget\n\n## Contributing\n\nIdeas welcome;"
                                + " send a pull request against the develop branch.\n"),
                        Status.UNMET, "asks for tests"),
                Arguments.of("local checkout whose own guide does not ask for tests", Repo.localDirectory()
                        .withFile("CONTRIBUTING.md", "Open an issue first so that we can talk about the idea."),
                        Status.UNMET, "asks for tests"),
                Arguments.of("README not read", Repo.onGitHub().withFile("README.md"), Status.UNKNOWN, "not read"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromContributionRules(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsTestPolicy().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
