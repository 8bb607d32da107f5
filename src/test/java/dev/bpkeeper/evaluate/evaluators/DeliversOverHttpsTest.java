package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliversOverHttpsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("GitHub releases and https links", Repo.onGitHub().withFile("README.md",
                        "curl -LO https://github.com/acme/widget/releases/download/v1/widget.tar.gz")
                        .releases(Repo.release("v1", "n", "widget.tar.gz")), Status.MET,
                        "Releases are downloaded from GitHub over HTTPS"),
                Arguments.of("curl over plain http", Repo.onGitHub().withFile("README.md",
                        "# W\n\n    curl -sSL http://get.acme.dev/install | sh\n"), Status.UNMET,
                        "README.md tells users to download over plain HTTP: \"curl -sSL http://get.acme.dev/install"),
                Arguments.of("archive link over http in docs", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("docs/install.md", "Get [it](http://dl.acme.dev/widget-1.0.zip)."), Status.UNMET,
                        "docs/install.md"),
                Arguments.of("a package index over http", Repo.onGitHub().withFile("README.md",
                        "pip install --index-url http://pypi.acme.dev/simple widget"), Status.UNMET, "plain HTTP"),
                Arguments.of("a local server in a usage example is not a download", Repo.onGitHub()
                        .withFile("README.md", "curl http://localhost:8080/api/widgets\nwget http://127.0.0.1/x.zip"),
                        Status.MET, "no plain-HTTP download links"),
                Arguments.of("an http link to a web page is not a download", Repo.onGitHub().withFile("README.md",
                        "See http://acme.dev/about for the team."), Status.MET, "no plain-HTTP"),
                Arguments.of("README not read", Repo.onGitHub().withFile("README.md"), Status.UNKNOWN, "not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.MET, "GitHub serves the source over HTTPS"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.MET,
                        "The documentation has no plain-HTTP download or install links."));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromDownloadInstructions(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DeliversOverHttps().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
