package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
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
 * declaresDependencies, monitorsDependencies, avoidsVendoredDependencies, reviewsDependenciesOnEveryChange and
 * fetchesDependenciesWithPackageManagers: how dependencies come in and are watched.
 */
class DependencyEvaluatorsTest {
    private static final Set<String> PUSH_AND_PR = Set.of("push", "pull_request");
    private static final String DEPENDABOT_MAVEN = "version: 2\nupdates:\n  - package-ecosystem: \"maven\"\n"
            + "    directory: \"/\"\n    schedule:\n      interval: weekly\n";
    private static final String DEPENDABOT_ACTIONS = "version: 2\nupdates:\n  - package-ecosystem: github-actions\n"
            + "    directory: /\n";

    static Repo docsOnly() {
        return Repo.onGitHub().languages(Map.of()).withFile("README.md");
    }

    static Stream<Arguments> declaresDependencies() {
        return Stream.of(
                Arguments.of("pom.xml", Repo.onGitHub().withFile("pom.xml"), Status.MET,
                        "Dependencies are declared in Maven (pom.xml)."),
                Arguments.of("package.json with its lockfile", Repo.onGitHub()
                        .withFiles("package.json", "package-lock.json"), Status.MET,
                        "npm (package.json), with the lockfile package-lock.json."),
                Arguments.of("go.mod in a subdirectory", Repo.onGitHub().withFile("tools/go.mod"), Status.MET,
                        "Go modules (tools/go.mod)"),
                Arguments.of("vcpkg manifest", Repo.onGitHub().withFiles("CMakeLists.txt", "vcpkg.json"),
                        Status.MET, "declared in vcpkg.json"),
                Arguments.of("git submodules", Repo.onGitHub().withFiles("Makefile", ".gitmodules"), Status.MET,
                        "git submodules"),
                Arguments.of("CMake without a dependency list", Repo.onGitHub().languages(Map.of("C", 1L))
                        .withFile("CMakeLists.txt"), Status.UNKNOWN, "keeps no machine-readable list of dependencies"),
                Arguments.of("manifests only in node_modules and test data", Repo.onGitHub()
                        .languages(Map.of("JavaScript", 1L))
                        .withFiles("index.js", "node_modules/x/package.json", "testdata/package.json"),
                        Status.UNMET, "No dependency manifest"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no dependencies to declare"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "answer N/A"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No dependency manifest"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("index.js").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> monitorsDependencies() {
        return Stream.of(
                Arguments.of("Dependabot watching Maven", Repo.onGitHub().withFile("pom.xml")
                        .withFile(".github/dependabot.yml", DEPENDABOT_MAVEN), Status.MET,
                        "Dependabot (.github/dependabot.yml) watches the maven dependencies"),
                Arguments.of("Dependabot watching only the actions", Repo.onGitHub().withFile("package.json")
                        .withFile(".github/dependabot.yml", DEPENDABOT_ACTIONS), Status.UNMET,
                        "watches only github-actions, not the npm dependencies"),
                Arguments.of("Dependabot file not read", Repo.onGitHub().withFile(".github/dependabot.yaml"),
                        Status.MET, "Dependabot is configured (.github/dependabot.yaml)"),
                Arguments.of("Renovate", Repo.onGitHub().withFiles("go.mod", "renovate.json"), Status.MET,
                        "Renovate (renovate.json)"),
                Arguments.of("OSV-Scanner on a schedule", Repo.onGitHub().withWorkflow(".github/workflows/osv.yml",
                        Set.of("schedule"), "uses: google/osv-scanner-action/osv-scanner-action@v2"),
                        Status.MET, "runs OSV-Scanner, which checks the dependencies for known vulnerabilities on a"
                                + " schedule."),
                Arguments.of("OWASP Dependency-Check in the build", Repo.onGitHub()
                        .withFile("pom.xml", "<groupId>org.owasp</groupId><artifactId>dependency-check-maven</artifactId>"),
                        Status.MET, "The build file pom.xml sets up OWASP Dependency-Check"),
                Arguments.of("dependabot.yml in the wrong place", Repo.onGitHub()
                        .withFiles("pom.xml", "docs/dependabot.yml"), Status.UNMET, "No Dependabot or Renovate"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no dependencies to monitor"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "Dependabot alerts may still be"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No Dependabot"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> avoidsVendoredDependencies() {
        return Stream.of(
                Arguments.of("copies in third_party/", Repo.onGitHub()
                        .withFiles("CMakeLists.txt", "third_party/zlib/inflate.c", "third_party/zlib/zlib.h"),
                        Status.UNMET, "third_party/ (2 file(s))"),
                Arguments.of("committed jar", Repo.onGitHub().withFiles("build.xml", "lib/commons-io.jar"),
                        Status.UNMET, "1 committed .jar file(s) such as lib/commons-io.jar"),
                Arguments.of("go mod vendor", Repo.onGitHub()
                        .withFiles("go.mod", "vendor/modules.txt", "vendor/github.com/x/y/y.go"),
                        Status.MET, "vendor/ is managed by `go mod vendor`"),
                Arguments.of("git submodule", Repo.onGitHub().withFile("CMakeLists.txt").withFile("third_party/zlib")
                        .withFile(".gitmodules", "[submodule \"zlib\"]\n\tpath = third_party/zlib\n\turl = https://x\n"),
                        Status.MET, "git submodules (.gitmodules) pin third_party/zlib"),
                Arguments.of("Maven dependencies", Repo.onGitHub().withFile("pom.xml"), Status.MET,
                        "the package manager fetches what Maven (pom.xml) declares"),
                Arguments.of("the Gradle wrapper jar is not a dependency", Repo.onGitHub()
                        .withFiles("build.gradle", "gradle/wrapper/gradle-wrapper.jar"), Status.MET, "Gradle"),
                Arguments.of("a vendor directory among test data", Repo.onGitHub()
                        .withFiles("go.mod", "testdata/vendor/x/y.go"), Status.MET, "Go modules (go.mod)"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "reuses no components"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.MET, "No copies of third-party code"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.MET, "No copies"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> reviewsDependenciesOnEveryChange() {
        return Stream.of(
                Arguments.of("dependency review on pull requests", Repo.onGitHub().withFile("package.json")
                        .withWorkflow(".github/workflows/deps.yml", Set.of("pull_request"),
                                "uses: actions/dependency-review-action@v4"),
                        Status.MET, "checks the dependencies with GitHub's dependency review on every pull request"),
                Arguments.of("OSV-Scanner in GitLab CI", Repo.onGitHub()
                        .withFile(".gitlab-ci.yml", "scan:\n  script: osv-scanner -r .\n"),
                        Status.MET, "The CI configuration .gitlab-ci.yml checks the dependencies with OSV-Scanner"),
                Arguments.of("npm audit only on a schedule", Repo.onGitHub().withFile("package.json")
                        .withWorkflow(".github/workflows/audit.yml", Set.of("schedule"), "npm audit --omit=dev"),
                        Status.UNMET, "runs npm audit on a schedule, but not on pull requests"),
                Arguments.of("dependency review only on push", Repo.onGitHub().withFile("package.json")
                        .withWorkflow(".github/workflows/deps.yml", Set.of("push"),
                                "uses: actions/dependency-review-action@v4"),
                        Status.UNMET, "on every push, but not on pull requests"),
                Arguments.of("only Dependabot updates", Repo.onGitHub().withFiles("pom.xml", ".github/dependabot.yml"),
                        Status.UNMET, ".github/dependabot.yml proposes dependency updates, but nothing checks"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no dependencies to check"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No dependency check"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No dependency check"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> fetchesDependenciesWithPackageManagers() {
        return Stream.of(
                Arguments.of("npm ci with a lockfile", Repo.onGitHub().withFiles("package.json", "package-lock.json")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "npm ci", "npm test"),
                        Status.MET, "the workflow .github/workflows/ci.yml (\"npm ci\"), pinned by package-lock.json"),
                Arguments.of("curl piped into sh", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR,
                                "curl -sSL https://get.example.com/install.sh | sh", "make"),
                        Status.UNMET, ".github/workflows/ci.yml (\"curl -sSL https://get.example.com/install.sh | sh\")"),
                Arguments.of("a jar fetched with wget in Travis", Repo.onGitHub()
                        .withFile(".travis.yml", "install:\n  - wget https://example.com/lib/parser-1.2.jar\n"),
                        Status.UNMET, ".travis.yml (\"- wget https://example.com/lib/parser-1.2.jar\")"),
                Arguments.of("curl calling an API is no download", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "./mvnw -B verify",
                                "curl -X POST https://api.example.com/notify"),
                        Status.MET, "(\"./mvnw -B verify\")"),
                Arguments.of("pipelines without any install step", Repo.onGitHub()
                        .withWorkflow(".github/workflows/greet.yml", Set.of("issues"), "echo hello"),
                        Status.UNKNOWN, "no dependency installation was recognised"),
                Arguments.of("no pipelines at all", Repo.onGitHub().withFile("pom.xml"), Status.NOT_APPLICABLE,
                        "defines no CI/CD pipelines"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.NOT_APPLICABLE, "no CI/CD pipelines"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.NOT_APPLICABLE, "no CI/CD"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> keepsBuiltBinariesOutOfTree() {
        return Stream.of(
                Arguments.of("sources only", Repo.onGitHub().withFiles("pom.xml", "src/main/java/Lib.java"),
                        Status.MET, "No executables or build outputs"),
                Arguments.of("the Gradle wrapper is accepted", Repo.onGitHub()
                        .withFiles("build.gradle", "gradle/wrapper/gradle-wrapper.jar"), Status.MET,
                        "apart from the Maven or Gradle wrapper jar"),
                Arguments.of("committed executable and library", Repo.onGitHub()
                        .withFiles("bin/tool.exe", "lib/libwidget.so.1", "src/a.c"), Status.UNMET,
                        "2 compiled file(s) are committed, such as bin/tool.exe and lib/libwidget.so.1"),
                Arguments.of("a jar among test resources", Repo.onGitHub()
                        .withFiles("pom.xml", "src/test/resources/plugin.jar"), Status.UNMET,
                        "only among test data and examples (src/test/resources/plugin.jar)"),
                Arguments.of("checksums and names that only look binary", Repo.onGitHub()
                        .withFiles("dist/widget.jar.sha256", "docs/objects.md", "src/lib.rs"),
                        Status.MET, "No executables"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.MET, "No executables"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.MET, "No executables"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("declaresDependencies")
    void declaresDependencies(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new DeclaresDependencies(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("monitorsDependencies")
    void monitorsDependencies(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new MonitorsDependencies(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("avoidsVendoredDependencies")
    void avoidsVendoredDependencies(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new AvoidsVendoredDependencies(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("reviewsDependenciesOnEveryChange")
    void reviewsDependenciesOnEveryChange(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new ReviewsDependenciesOnEveryChange(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("fetchesDependenciesWithPackageManagers")
    void fetchesDependenciesWithPackageManagers(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new FetchesDependenciesWithPackageManagers(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("keepsBuiltBinariesOutOfTree")
    void keepsBuiltBinariesOutOfTree(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new KeepsBuiltBinariesOutOfTree(), repo, expected, justificationPart);
    }

    @Test
    void aDeclaredManifestIsDecisiveAndLinkedForTheUrlTheBadgeWants() {
        Finding finding = new DeclaresDependencies().evaluate(Repo.onGitHub().withFile("pom.xml").snapshot());

        assertThat(finding.confidence()).isEqualTo(Confidence.DECISIVE);
        assertThat(finding.evidence()).singleElement().satisfies(e -> assertThat(e.isUrl()).isTrue());
    }

    @Test
    void committedBinariesAreDecisiveButTestDataOnlyAProposal() {
        assertThat(new KeepsBuiltBinariesOutOfTree().evaluate(Repo.onGitHub().withFile("a.exe").snapshot())
                .confidence()).isEqualTo(Confidence.DECISIVE);
        assertThat(new KeepsBuiltBinariesOutOfTree().evaluate(Repo.onGitHub().withFile("testdata/a.exe").snapshot())
                .confidence()).isEqualTo(Confidence.PROPOSAL);
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
