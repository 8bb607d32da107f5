package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TagsReleasesTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("GitHub releases", Repo.onGitHub().releases(Repo.release("v1.2.0", "Notes")),
                        Status.MET, "1 GitHub release(s) are each identified by a git tag (latest: v1.2.0)"),
                Arguments.of("version tags without releases", Repo.onGitHub().tags(Repo.tag("v1.0.0"),
                        Repo.tag("v1.1.0")).releases(), Status.MET, "2 version tag(s), e.g. v1.0.0 and v1.1.0"),
                Arguments.of("tags that are not versions", Repo.onGitHub().tags(Repo.tag("latest"),
                        Repo.tag("nightly")).releases(), Status.UNMET, "carry no version numbers"),
                Arguments.of("a draft release is not a release", Repo.onGitHub().tags().releases(Repo.draft("v2.0.0")),
                        Status.UNMET, "the repository has no tags"),
                Arguments.of("no releases, tags unknown", Repo.onGitHub().releases(), Status.UNKNOWN,
                        "tags are not known"),
                Arguments.of("empty repository", Repo.onGitHub().tags().releases(), Status.UNMET, "no tags"),
                Arguments.of("nothing known on GitHub", Repo.onGitHub(), Status.UNKNOWN, "Neither the tags"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "Neither the tags"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTagsAndReleases(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new TagsReleases().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
