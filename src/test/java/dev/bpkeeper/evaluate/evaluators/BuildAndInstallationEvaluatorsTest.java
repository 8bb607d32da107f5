package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * avoidsRecursiveBuild, configuresReproducibleBuild, providesStandardInstallation,
 * honoursInstallationConventions and offersQuickDevelopmentSetup: how the project is built and installed.
 */
class BuildAndInstallationEvaluatorsTest {
    private static final Set<String> RELEASE = Set.of("release");

    static Repo scriptsOnly() {
        return Repo.onGitHub().languages(Map.of("Shell", 100L)).withFile("run.sh");
    }

    static Stream<Arguments> avoidsRecursiveBuild() {
        return Stream.of(
                Arguments.of("Maven reactor", Repo.onGitHub().withFiles("pom.xml", "core/pom.xml"), Status.MET,
                        "Maven (pom.xml), which builds all parts from one dependency graph"),
                Arguments.of("a single Makefile", Repo.onGitHub().withFile("Makefile", "all:\n\t$(CC) -o w w.c\n"),
                        Status.MET, "single Makefile that does not run make in subdirectories"),
                Arguments.of("recursive make", Repo.onGitHub()
                        .withFile("Makefile", "all:\n\t$(MAKE) -C src\n\t$(MAKE) -C lib\n"),
                        Status.UNKNOWN, "Makefile line 2 (\"$(MAKE) -C src\") runs make in subdirectories"),
                Arguments.of("Automake SUBDIRS", Repo.onGitHub().withFile("Makefile.am", "SUBDIRS = lib src\n"),
                        Status.UNKNOWN, "runs make in subdirectories"),
                Arguments.of("nested Makefiles", Repo.onGitHub().withFile("Makefile", "all:\n\t./build.sh\n")
                        .withFile("src/Makefile"), Status.UNKNOWN, "Makefiles in subdirectories (such as src/Makefile)"),
                Arguments.of("recursion in a Makefile beside pom.xml still needs a person", Repo.onGitHub()
                        .withFile("pom.xml").withFile("Makefile", "docs:\n\tcd docs && $(MAKE) html\n"),
                        Status.UNKNOWN, "cd docs && $(MAKE) html"),
                Arguments.of("Makefiles among vendored code do not count", Repo.onGitHub()
                        .withFile("Makefile", "all:\n\tcc w.c\n").withFile("vendor/zlib/Makefile"),
                        Status.MET, "single Makefile"),
                Arguments.of("only scripts", scriptsOnly(), Status.NOT_APPLICABLE, "nothing needs building"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "No build system was recognised"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "No build system"));
    }

    static Stream<Arguments> configuresReproducibleBuild() {
        return Stream.of(
                Arguments.of("Maven outputTimestamp", Repo.onGitHub().withFile("pom.xml",
                        "<properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>"),
                        Status.MET, "The build file pom.xml sets Maven's project.build.outputTimestamp"),
                Arguments.of("Gradle archive settings", Repo.onGitHub().withFile("build.gradle.kts",
                        "tasks.withType<AbstractArchiveTask> { isPreserveFileTimestamps = false }"),
                        Status.MET, "Gradle's reproducible archive settings"),
                Arguments.of("SOURCE_DATE_EPOCH in the release workflow", Repo.onGitHub().withFile("Makefile")
                        .withWorkflow(".github/workflows/release.yml", RELEASE,
                                "export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) && make dist"),
                        Status.MET, "sets SOURCE_DATE_EPOCH"),
                Arguments.of("Nix flake", Repo.onGitHub().withFiles("flake.nix", "flake.lock"), Status.MET,
                        "builds with Nix (flake.nix)"),
                Arguments.of("Maven without the property", Repo.onGitHub()
                        .withFile("pom.xml", "<project><!-- outputTimestamp later --></project>"),
                        Status.UNMET, "No reproducible-build setting"),
                Arguments.of("only scripts", scriptsOnly(), Status.NOT_APPLICABLE, "nothing is built"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No reproducible-build setting"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No reproducible-build"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> providesStandardInstallation() {
        return Stream.of(
                Arguments.of("publishes to PyPI", Repo.onGitHub().withFile("pyproject.toml")
                        .withWorkflow(".github/workflows/release.yml", RELEASE, "uses: pypa/gh-action-pypi-publish@release/v1"),
                        Status.MET, "The workflow .github/workflows/release.yml publishes the software to PyPI"),
                Arguments.of("Dockerfile", Repo.onGitHub().withFiles("Dockerfile", "main.go"), Status.MET,
                        "The packaging recipe Dockerfile"),
                Arguments.of("make install", Repo.onGitHub().withFile("Makefile", "install:\n\tcp w $(PREFIX)/bin\n"),
                        Status.MET, "Makefile has install rules (line 1)"),
                Arguments.of("Cargo package", Repo.onGitHub().withFile("Cargo.toml"), Status.MET,
                        "packaged with Cargo (Cargo.toml)"),
                Arguments.of("Dockerfile among test data does not count", Repo.onGitHub().languages(Map.of("C", 1L))
                        .withFiles("a.c", "testdata/Dockerfile"), Status.UNMET, "No package publishing"),
                Arguments.of("documents only", Repo.onGitHub().languages(Map.of()).withFile("README.md"),
                        Status.NOT_APPLICABLE, "no software to install"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No package publishing"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No package publishing"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> honoursInstallationConventions() {
        return Stream.of(
                Arguments.of("install target with DESTDIR", Repo.onGitHub().withFile("Makefile",
                        "PREFIX ?= /usr/local\ninstall:\n\tinstall -m 755 w $(DESTDIR)$(PREFIX)/bin\n"),
                        Status.MET, "The install target of Makefile honours DESTDIR (line 3)"),
                Arguments.of("install target without DESTDIR", Repo.onGitHub()
                        .withFile("Makefile", "install:\n\tcp w /usr/local/bin # DESTDIR not supported\n"),
                        Status.UNMET, "does not use $(DESTDIR)"),
                Arguments.of("CMake", Repo.onGitHub().withFile("CMakeLists.txt"), Status.MET,
                        "CMake (CMakeLists.txt) installs to the configured prefix and honours DESTDIR"),
                Arguments.of("npm package", Repo.onGitHub().withFile("package.json"), Status.NOT_APPLICABLE,
                        "installed through its package manager (npm, package.json)"),
                Arguments.of("only scripts", scriptsOnly(), Status.NOT_APPLICABLE, "no installation system"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "No installation system"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "No installation system"));
    }

    static Stream<Arguments> offersQuickDevelopmentSetup() {
        return Stream.of(
                Arguments.of("dev container", Repo.onGitHub().withFile(".devcontainer/devcontainer.json"),
                        Status.MET, ".devcontainer/devcontainer.json sets up a complete development environment"),
                Arguments.of("development section in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "# Contributing\n\n## Development setup\n\nInstall Go 1.23, then run make.\n"),
                        Status.MET, "CONTRIBUTING.md explains how to set up for development (\"## Development setup\""),
                Arguments.of("Maven wrapper", Repo.onGitHub().withFiles("pom.xml", "mvnw"), Status.MET,
                        "The build wrapper mvnw"),
                Arguments.of("Cargo with its lockfile", Repo.onGitHub().withFiles("Cargo.toml", "Cargo.lock"),
                        Status.MET, "Cargo with the lockfile Cargo.lock, so `cargo build` and `cargo test`"),
                Arguments.of("'setting up' in running prose is no section", Repo.onGitHub().withFile("README.md",
                        "Setting up the widget for production takes a minute.\n").withFile("pom.xml"),
                        Status.UNMET, "No dev container, build wrapper, lockfile or documented development setup"),
                Arguments.of("documents only", Repo.onGitHub().languages(Map.of()).withFile("README.md"),
                        Status.NOT_APPLICABLE, "no development environment to set up"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No dev container"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No dev container"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("avoidsRecursiveBuild")
    void avoidsRecursiveBuild(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new AvoidsRecursiveBuild(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("configuresReproducibleBuild")
    void configuresReproducibleBuild(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new ConfiguresReproducibleBuild(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("providesStandardInstallation")
    void providesStandardInstallation(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new ProvidesStandardInstallation(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("honoursInstallationConventions")
    void honoursInstallationConventions(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new HonoursInstallationConventions(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("offersQuickDevelopmentSetup")
    void offersQuickDevelopmentSetup(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new OffersQuickDevelopmentSetup(), repo, expected, justificationPart);
    }

    @Test
    void theReproducibleBuildSettingIsLinkedForTheGoldUrl() {
        Finding finding = new ConfiguresReproducibleBuild().evaluate(Repo.onGitHub()
                .withFile("pom.xml", "<project.build.outputTimestamp>1</project.build.outputTimestamp>").snapshot());

        assertThat(finding.evidence()).singleElement().satisfies(e -> assertThat(e.link())
                .isEqualTo(Repo.WEB_URL + "/blob/" + Repo.SHA + "/pom.xml"));
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
