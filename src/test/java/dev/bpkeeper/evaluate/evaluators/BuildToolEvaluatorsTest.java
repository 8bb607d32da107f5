package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** hasBuildSystem, usesCommonBuildTool and usesFlossBuildTools share Code.buildTools. */
class BuildToolEvaluatorsTest {

    static Stream<Arguments> hasBuildSystem() {
        return Stream.of(
                Arguments.of("pom.xml at the root", Repo.onGitHub().withFiles("pom.xml", "src/main/java/A.java"),
                        Status.MET, "builds with Maven (pom.xml)"),
                Arguments.of("manifest only in a subdirectory", Repo.onGitHub().withFile("backend/go.mod"),
                        Status.MET, "Go modules (backend/go.mod)"),
                Arguments.of("Python and shell scripts only",
                        Repo.onGitHub().languages(Map.of("Python", 900L, "Shell", 100L)).withFile("tool.py"),
                        Status.NOT_APPLICABLE, "(Python and Shell) runs from source"),
                Arguments.of("documents only, local directory",
                        Repo.localDirectory().withFiles("README.md", "docs/guide.md"),
                        Status.NOT_APPLICABLE, "None of the repository's 2 files is source code"),
                Arguments.of("a requirements.txt is no build", Repo.onGitHub().languages(Map.of("Go", 10L))
                        .withFiles("requirements.txt", "main.go"), Status.UNMET, "No manifest of a known build tool"),
                Arguments.of("package.json among examples does not count",
                        Repo.onGitHub().languages(Map.of("TypeScript", 10L))
                                .withFiles("examples/demo/package.json", "src/index.ts"),
                        Status.UNMET, "No manifest"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No manifest"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No manifest"),
                Arguments.of("nothing seen in a truncated tree",
                        Repo.onGitHub().withFile("src/Main.java").truncated(), Status.UNKNOWN, "truncated"));
    }

    static Stream<Arguments> usesCommonBuildTool() {
        return Stream.of(
                Arguments.of("CMake", Repo.onGitHub().withFile("CMakeLists.txt"), Status.MET,
                        "CMake (CMakeLists.txt), widely known build tool."),
                Arguments.of("Gradle and npm", Repo.onGitHub().withFiles("build.gradle.kts", "web/package.json"),
                        Status.MET, "Gradle (build.gradle.kts) and npm (web/package.json)"),
                Arguments.of("Cabal, a less famous but common tool", Repo.onGitHub().withFile("widget.cabal"),
                        Status.MET, "Cabal"),
                Arguments.of("only a build.sh script", Repo.onGitHub().languages(Map.of("C", 10L))
                        .withFiles("build.sh", "src/a.c"), Status.UNMET, "No manifest of a common build tool"),
                Arguments.of("only shell scripts", Repo.onGitHub().languages(Map.of("Shell", 10L))
                        .withFile("install.sh"), Status.NOT_APPLICABLE, "nothing needs building"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No manifest"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No manifest"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> usesFlossBuildTools() {
        return Stream.of(
                Arguments.of("Cargo", Repo.onGitHub().withFile("Cargo.toml"), Status.MET,
                        "Cargo (Cargo.toml), which is free software"),
                Arguments.of("only an Xcode project", Repo.onGitHub().withFile("Widget.xcodeproj/project.pbxproj"),
                        Status.UNMET, "Xcode (Widget.xcodeproj/project.pbxproj), which needs proprietary tools"),
                Arguments.of("CMake and an Xcode project", Repo.onGitHub()
                        .withFiles("CMakeLists.txt", "ios/App.xcodeproj/project.pbxproj"), Status.UNKNOWN,
                        "a person must confirm that the free build is complete"),
                Arguments.of("Xcode project among examples is ignored", Repo.onGitHub()
                        .withFiles("Package.swift", "examples/App.xcodeproj/project.pbxproj"), Status.MET,
                        "Swift Package Manager"),
                Arguments.of("nothing to build", Repo.onGitHub().languages(Map.of()).withFile("README.md"),
                        Status.NOT_APPLICABLE, "GitHub counts no programming language"),
                Arguments.of("no recognised build tool", Repo.onGitHub().withFile("build.sh"), Status.UNKNOWN,
                        "No build tool was recognised"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "No build tool was recognised"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "No build tool was recognised"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("hasBuildSystem")
    void hasBuildSystem(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new HasBuildSystem(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("usesCommonBuildTool")
    void usesCommonBuildTool(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new UsesCommonBuildTool(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("usesFlossBuildTools")
    void usesFlossBuildTools(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new UsesFlossBuildTools(), repo, expected, justificationPart);
    }

    @Test
    void aRootManifestIsDecisiveButOneInASubdirectoryIsAProposal() {
        assertThat(new HasBuildSystem().evaluate(Repo.onGitHub().withFile("pom.xml").snapshot()).confidence())
                .isEqualTo(Confidence.DECISIVE);
        assertThat(new HasBuildSystem().evaluate(Repo.onGitHub().withFile("app/pom.xml").snapshot()).confidence())
                .isEqualTo(Confidence.PROPOSAL);
        assertThat(new UsesCommonBuildTool().evaluate(Repo.onGitHub().withFile("build.sh").snapshot()).confidence())
                .isEqualTo(Confidence.PROPOSAL);
    }

    @Test
    void linksTheManifestPinnedToTheCommit() {
        Finding finding = new HasBuildSystem().evaluate(Repo.onGitHub().withFile("pom.xml").snapshot());

        assertThat(finding.evidence()).singleElement().satisfies(e -> assertThat(e.link())
                .isEqualTo(Repo.WEB_URL + "/blob/" + Repo.SHA + "/pom.xml"));
    }

    static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
