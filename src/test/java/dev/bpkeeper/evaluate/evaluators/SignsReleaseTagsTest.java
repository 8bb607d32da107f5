package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignsReleaseTagsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("all version tags signed", Repo.onGitHub().tags(Repo.annotatedTag("v1.0.0", true),
                        Repo.annotatedTag("v1.1.0", true), Repo.tag("main-snapshot")), Status.MET,
                        "All 2 version tags checked are signed."),
                Arguments.of("none signed", Repo.onGitHub().tags(Repo.annotatedTag("v1.0.0", false)), Status.UNMET,
                        "None of the 1 version tags checked is signed; for example v1.0.0."),
                Arguments.of("a lightweight tag cannot be signed", Repo.onGitHub().tags(new dev.bpkeeper.snapshot.Tag(
                        "v2.0.0", Repo.SHA, false, dev.bpkeeper.snapshot.Fact.known(false))), Status.UNMET,
                        "lightweight tag"),
                Arguments.of("signing started recently", Repo.onGitHub().tags(Repo.annotatedTag("v3.0.0", true),
                        Repo.annotatedTag("v3.1.0", true), Repo.annotatedTag("v1.0.0", false)), Status.MET,
                        "2 of 3 version tags checked are signed; v1.0.0 for one is not."),
                Arguments.of("signatures not read", Repo.onGitHub().tags(Repo.tag("v1.0.0")), Status.UNKNOWN,
                        "not read"),
                Arguments.of("no version tags", Repo.onGitHub().tags(Repo.tag("latest")), Status.UNKNOWN,
                        "no version tags yet"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "tags are not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "tags are not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTagSignatures(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new SignsReleaseTags().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
