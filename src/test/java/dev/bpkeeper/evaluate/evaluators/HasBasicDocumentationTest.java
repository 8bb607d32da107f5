package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasBasicDocumentationTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("Installation and usage sections", Repo.onGitHub().withFile("README.md",
                        "# Widget\n\n## Installation\n\n    pip install widget\n\n## Usage\n"), Status.MET,
                        "README.md describes how to install and use the software in the section \"Installation\""),
                Arguments.of("user guide", Repo.onGitHub().withFile("docs/user-guide.md"), Status.MET,
                        "docs/user-guide.md describes how to install and use"),
                Arguments.of("link to Read the Docs", Repo.onGitHub().withFile("README.md",
                        "Full docs: https://widget.readthedocs.io/en/latest/"), Status.MET, "readthedocs"),
                Arguments.of("some page in docs/", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("docs/faq.md", "Q: why?"), Status.MET, "docs/faq.md is part of the documentation"),
                Arguments.of("a README with only a title and a licence", Repo.onGitHub().withFile("README.md",
                        "# Widget\n\n## License\nMIT"), Status.UNMET, "No installation or usage documentation"),
                Arguments.of("a link to the repository is not documentation", Repo.onGitHub().withFile("README.md",
                        "# W\nhttps://github.com/acme/widget"), Status.UNMET, "No installation or usage"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET,
                        "No installation or usage documentation"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No installation or usage documentation"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromUserDocumentation(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasBasicDocumentation().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
