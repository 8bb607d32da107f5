package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishesSbomTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("SBOM asset", Repo.onGitHub().releases(Repo.release("v1.0.0", "n", "widget-linux",
                        "widget.spdx.json")), Status.MET, "ships an SBOM (widget.spdx.json)"),
                Arguments.of("SBOM workflow", Repo.onGitHub().withWorkflow(".github/workflows/release.yml",
                        java.util.Set.of("release"), "uses: anchore/sbom-action@v0"), Status.MET,
                        "generates an SBOM"),
                Arguments.of("CycloneDX Maven plugin", Repo.onGitHub().withFile("pom.xml",
                        "<artifactId>cyclonedx-maven-plugin</artifactId>"), Status.MET, "pom.xml generates an SBOM"),
                Arguments.of("binaries without an SBOM", Repo.onGitHub().releases(Repo.release("v1.0.0", "n",
                        "widget-linux", "widget.exe")), Status.UNMET, "ships 2 artifact(s) but no SBOM"),
                Arguments.of("a bomb is not a bom", Repo.onGitHub().releases(Repo.release("v1.0.0", "n",
                        "timebomb.json")), Status.UNMET, "no SBOM"),
                Arguments.of("source-only releases", Repo.onGitHub().releases(Repo.release("v1.0.0", "n")),
                        Status.NOT_APPLICABLE, "ships no compiled artifacts"),
                Arguments.of("no releases yet", Repo.onGitHub().tags().releases(), Status.NOT_APPLICABLE,
                        "no releases yet"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "releases are not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromReleaseAssetsAndWorkflows(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new PublishesSbom().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
