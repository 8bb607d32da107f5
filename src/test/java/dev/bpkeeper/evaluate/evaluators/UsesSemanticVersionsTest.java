package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsesSemanticVersionsTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("semantic versions with a v", Repo.onGitHub().tags(Repo.tag("v1.0.0"),
                        Repo.tag("v1.1.0-rc.1"),
                        Repo.tag("v2.0.0+build.5")), Status.MET, "All 3 version tag(s) follow"),
                Arguments.of("calendar versions", Repo.onGitHub().tags(Repo.tag("2024.05"), Repo.tag("2025.11.2")),
                        Status.MET, "All 2 version tag(s)"),
                Arguments.of("monorepo component prefixes", Repo.onGitHub().tags(Repo.tag("widget-core@1.2.3"),
                        Repo.tag("tools/v0.4.0"), Repo.tag("release-1.0.0-beta.2")), Status.MET, "All 3"),
                Arguments.of("two-part versions are not SemVer", Repo.onGitHub().tags(Repo.tag("v1.0"),
                        Repo.tag("v1.1")), Status.UNMET, "No version tag follows Semantic Versioning"),
                Arguments.of("four parts and leading zeros are not SemVer", Repo.onGitHub().tags(Repo.tag("1.2.3.4"),
                        Repo.tag("01.2.3"), Repo.tag("build-7")), Status.UNMET, "1.2.3.4, 01.2.3 and build-7"),
                Arguments.of("mostly not semantic", Repo.onGitHub().tags(Repo.tag("v1.0.0"), Repo.tag("r10"),
                        Repo.tag("r11")), Status.UNMET, "1 of 3 version tags follow"),
                Arguments.of("mostly semantic with one odd version", Repo.onGitHub().tags(Repo.tag("v1.0.0"),
                        Repo.tag("v1.1.0"), Repo.tag("v0.9")), Status.MET, "2 of 3 version tags"),
                Arguments.of("moving tags are ignored", Repo.onGitHub().tags(Repo.tag("latest"), Repo.tag("v2.0.0")),
                        Status.MET, "All 1 version tag(s)"),
                Arguments.of("no version tags yet", Repo.onGitHub().tags().releases(), Status.UNKNOWN,
                        "no numbering scheme to judge"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "Neither"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "Neither"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTagNames(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new UsesSemanticVersions().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
