package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatesContributionRequirementsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("style and tests required", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "# Contributing\n\nCode must be formatted with spotless before you open a PR."), Status.MET,
                        "CONTRIBUTING.md covers what an acceptable contribution needs"),
                Arguments.of("Coding style section", Repo.onGitHub().withFile(".github/CONTRIBUTING.md",
                        "# Contributing\n## Coding style\nGoogle Java Style."), Status.MET, "section \"Coding style\""),
                Arguments.of("checklist in the pull-request template", Repo.onGitHub().withFile(
                        ".github/PULL_REQUEST_TEMPLATE.md", "- [ ] Tests pass\n- [ ] Docs updated"), Status.MET,
                        "PULL_REQUEST_TEMPLATE.md"),
                Arguments.of("a section on what a pull request needs", Repo.onGitHub().withFile(".github/CONTRIBUTING.md",
                        "# Contributing\n\n## What a pull request needs\n\n- A green build.\n"), Status.MET,
                        "section \"What a pull request needs\""),
                Arguments.of("changes come with tests", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "# Contributing\n\nNew behaviour comes with automated tests that fail without it.\n"),
                        Status.MET, "comes with automated tests"),
                Arguments.of("a guide that only says thank you", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "# Contributing\n\nThank you for your interest! Open a pull request."), Status.UNMET,
                        "No contribution guide or pull-request template states the requirements"),
                Arguments.of("a README code-style section about the product does not count", Repo.onGitHub()
                        .withFile("README.md", "# Formatter\n## Code style\nWe format your code; you must run it."),
                        Status.UNMET, "No contribution guide"),
                Arguments.of("only the organisation default guide", Repo.onGitHub().orgCommunityFiles(
                        "CONTRIBUTING.md"), Status.UNKNOWN, "its text is not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No contribution guide"),
                Arguments.of("empty local directory: the owner's default guide cannot be seen", Repo.localDirectory(),
                        Status.UNKNOWN, "no CONTRIBUTING file or README section of its own"),
                Arguments.of("local checkout with a README but no guide: the owner's default cannot be seen",
                        Repo.localDirectory().withFile("README.md", "# Gadget\nA gadget. Run it with ./gadget."),
                        Status.UNKNOWN, "owner's .github repository"),
                Arguments.of("local checkout with only a pull-request template that asks for nothing",
                        Repo.localDirectory().withFile(".github/pull_request_template.md", "Describe your change."),
                        Status.UNMET, "No contribution guide"),
                Arguments.of("local checkout whose own guide states no requirements", Repo.localDirectory()
                        .withFile("CONTRIBUTING.md", "Thank you for thinking of helping out with Gadget."),
                        Status.UNMET, "No contribution guide"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheContributionGuide(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new StatesContributionRequirements().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
