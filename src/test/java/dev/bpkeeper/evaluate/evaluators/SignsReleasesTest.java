package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignsReleasesTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("signature assets", Repo.onGitHub().releases(Repo.release("v1.0.0", "n",
                        "widget.tar.gz", "widget.tar.gz.asc")), Status.MET, "ships signatures or attestations"
                                + " (widget.tar.gz.asc)"),
                Arguments.of("provenance attestation in the release workflow", Repo.onGitHub()
                        .withWorkflow(".github/workflows/release.yml", java.util.Set.of("push"),
                                "uses: actions/attest-build-provenance@v2").releases(Repo.release("v1", "n", "w.jar")),
                        Status.MET, ".github/workflows/release.yml signs or attests"),
                Arguments.of("Maven Central signing", Repo.onGitHub().withFile("pom.xml",
                        "<plugin><artifactId>maven-gpg-plugin</artifactId></plugin>"), Status.MET,
                        "pom.xml signs the published artifacts"),
                Arguments.of("signed tag of the latest release", Repo.onGitHub().releases(Repo.release("v2.0.0", "n"))
                        .tags(Repo.annotatedTag("v2.0.0", true)), Status.MET, "tag v2.0.0 of the latest release"),
                Arguments.of("a checksum file alone is not a signature", Repo.onGitHub().releases(Repo.release(
                        "v1.0.0", "n", "widget.tar.gz", "SHA256SUMS")).tags(Repo.tag("v1.0.0")), Status.UNMET,
                        "has no signature or attestation"),
                Arguments.of("a workflow that only verifies is not signing", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", java.util.Set.of("push"), "gpg --verify x.asc")
                        .tags(Repo.tag("v1")).releases(), Status.UNMET, "no signature, signing workflow"),
                Arguments.of("no releases yet", Repo.onGitHub().tags().releases(), Status.NOT_APPLICABLE,
                        "no releases yet"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "releases are not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromReleaseAssetsAndWorkflows(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new SignsReleases().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
