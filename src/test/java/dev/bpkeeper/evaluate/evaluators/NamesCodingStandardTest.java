package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamesCodingStandardTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("style guide named in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "Code follows the Google Java Style Guide."), Status.MET,
                        "CONTRIBUTING.md covers the coding standard to follow"),
                Arguments.of("PEP 8", Repo.onGitHub().withFile("CONTRIBUTING.rst", "Please stick to PEP 8."),
                        Status.MET, "PEP 8"),
                Arguments.of("Code style section", Repo.onGitHub().withFile("docs/contributing.md",
                        "## Code style\nFour spaces."), Status.MET, "section \"Code style\""),
                Arguments.of("STYLEGUIDE.md", Repo.onGitHub().withFile("STYLEGUIDE.md"), Status.MET,
                        "STYLEGUIDE.md describes"),
                Arguments.of("only a checkstyle configuration", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("config/checkstyle/checkstyle.xml"), Status.MET, "configures a style checker"),
                Arguments.of("a Formatting section in the README is about the product", Repo.onGitHub()
                        .withFile("README.md", "# Dates\n## Formatting\nformat(date)"), Status.UNMET,
                        "No contribution guide or developer document names a coding style"),
                Arguments.of("an .editorconfig alone names no standard", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile(".editorconfig"), Status.UNMET, "No contribution guide"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET,
                        "No contribution guide or developer document"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No contribution guide or developer document"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheContributionGuide(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new NamesCodingStandard().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
