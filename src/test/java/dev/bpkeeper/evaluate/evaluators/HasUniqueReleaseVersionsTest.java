package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasUniqueReleaseVersionsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("version tags", Repo.onGitHub().tags(Repo.tag("v1.0.0"), Repo.tag("v1.0.1")),
                        Status.MET, "2 unique version tag(s), e.g. v1.0.0 and v1.0.1"),
                Arguments.of("a release whose tag is also listed counts once", Repo.onGitHub().tags(Repo.tag("v3"))
                        .releases(Repo.release("v3", "Notes")), Status.MET, "1 unique version tag(s), e.g. v3."),
                Arguments.of("moving tags are not versions", Repo.onGitHub().tags(Repo.tag("stable")).releases(),
                        Status.UNMET, "No git tag or GitHub release carries a version number"),
                Arguments.of("tags known but releases unknown", Repo.onGitHub().tags(), Status.UNKNOWN,
                        "the releases are not known"),
                Arguments.of("empty repository", Repo.onGitHub().tags().releases(), Status.UNMET, "No git tag"),
                Arguments.of("nothing known on GitHub", Repo.onGitHub(), Status.UNKNOWN, "the tags are not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTagsAndReleases(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasUniqueReleaseVersions().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
