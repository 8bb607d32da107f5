package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasReleaseNotesTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("CHANGELOG.md", Repo.onGitHub().withFile("CHANGELOG.md", "# 1.0.0\n- Added widgets"),
                        Status.MET, "The change log CHANGELOG.md summarises"),
                Arguments.of("NEWS in docs/", Repo.onGitHub().withFile("docs/NEWS.rst"), Status.MET, "docs/NEWS.rst"),
                Arguments.of("a raw git log is not release notes", Repo.onGitHub().withFile("CHANGELOG.md",
                        "a1b2c3d Fix typo\ne4f5a6b Merge branch\n0a1b2c3d4 Bump deps\n"), Status.UNMET,
                        "raw commit log"),
                Arguments.of("notes on the latest GitHub release", Repo.onGitHub().releases(Repo.release("v1.0.0",
                        "## What's Changed\n* Faster widgets by @ada")), Status.MET,
                        "The latest GitHub release v1.0.0 describes its changes"),
                Arguments.of("only the generated compare link", Repo.onGitHub().releases(Repo.release("v1.0.0",
                        "**Full Changelog**: https://github.com/acme/widget/compare/v0.9.0...v1.0.0")), Status.UNMET,
                        "has no release notes"),
                Arguments.of("tags but no notes", Repo.onGitHub().tags(Repo.tag("v1.0.0")).releases(), Status.UNMET,
                        "no CHANGELOG and no GitHub release with notes"),
                Arguments.of("a CHANGELOG of a subproject does not count", Repo.onGitHub()
                        .withFile("tools/x/CHANGELOG.md").tags(Repo.tag("v1")).releases(), Status.UNMET, "no CHANGELOG"),
                Arguments.of("no releases yet", Repo.onGitHub().tags().releases(), Status.NOT_APPLICABLE,
                        "no releases yet"),
                Arguments.of("tags in a truncated tree", Repo.onGitHub().truncated().tags(Repo.tag("v1")).releases(),
                        Status.UNKNOWN, "truncated"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "releases are not known"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromChangeLogsAndReleases(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasReleaseNotes().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
