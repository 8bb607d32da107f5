package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsReleaseVerificationTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("verification document", Repo.onGitHub().withFile("docs/verify-release.md"),
                        Status.MET, "docs/verify-release.md describes how to verify a release."),
                Arguments.of("cosign command in the README", Repo.onGitHub().withFile("README.md",
                        "Check:\n\n    cosign verify-blob --bundle w.bundle w.tar.gz\n"), Status.MET,
                        "README.md covers how to verify a release"),
                Arguments.of("Verifying releases section", Repo.onGitHub().withFile("README.md",
                        "# W\n## Verifying the release signatures\n..."), Status.MET, "section"),
                Arguments.of("no releases yet", Repo.onGitHub().withFile("README.md", "# W").tags().releases(),
                        Status.NOT_APPLICABLE, "no releases yet"),
                Arguments.of("releases without a word on verifying them", Repo.onGitHub().withFile("README.md", "# W")
                        .tags(Repo.tag("v1.0.0")).releases(), Status.UNMET, "No document tells users how to verify"),
                Arguments.of("commit signing for contributors is not release verification", Repo.onGitHub()
                        .withFile("README.md", "# W").withFile("CONTRIBUTING.md", "Sign your commits with gpg -S.")
                        .tags(Repo.tag("v1.0.0")), Status.UNMET, "No document tells users"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET,
                        "No document tells users how to verify"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No document tells users how to verify"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromVerificationDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsReleaseVerification().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
