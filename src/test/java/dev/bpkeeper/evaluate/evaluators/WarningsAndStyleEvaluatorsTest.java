package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** enablesWarningsOrLinter, failsOnWarnings and enforcesCodingStyle share the Tools catalogue. */
class WarningsAndStyleEvaluatorsTest {
    private static final Set<String> PUSH_AND_PR = Set.of("push", "pull_request");

    static Repo docsOnly() {
        return Repo.onGitHub().languages(Map.of()).withFile("README.md");
    }

    static Stream<Arguments> enablesWarningsOrLinter() {
        return Stream.of(
                Arguments.of("ESLint configuration", Repo.onGitHub().withFiles("package.json", ".eslintrc.json"),
                        Status.MET, "The configuration file .eslintrc.json enables ESLint"),
                Arguments.of("-Wall in CMakeLists.txt", Repo.onGitHub()
                        .withFile("CMakeLists.txt", "add_compile_options(-Wall -Wextra)\n"),
                        Status.MET, "The build file CMakeLists.txt enables compiler warnings (-Wall)"),
                Arguments.of("golangci-lint in a workflow", Repo.onGitHub().withFile("go.mod")
                        .withWorkflow(".github/workflows/lint.yml", PUSH_AND_PR, "uses: golangci/golangci-lint-action@v6"),
                        Status.MET, "The workflow .github/workflows/lint.yml runs golangci-lint"),
                Arguments.of("Rust warns by default", Repo.onGitHub().withFile("Cargo.toml", "[package]\nname = \"w\"\n"),
                        Status.MET, "lints are on by default"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "nothing to compile or lint"),
                Arguments.of("-Wall only mentioned in the README", Repo.onGitHub().languages(Map.of("C", 10L))
                        .withFile("README.md", "Compile with -Wall.\n").withFile("CMakeLists.txt", "project(w)\n"),
                        Status.UNMET, "No compiler warning flags"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No compiler warning flags"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No compiler warning"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> failsOnWarnings() {
        return Stream.of(
                Arguments.of("-Werror in CMakeLists.txt", Repo.onGitHub()
                        .withFile("CMakeLists.txt", "add_compile_options(-Wall -Werror)\n"),
                        Status.MET, "The build file CMakeLists.txt turns warnings into errors (-Werror)"),
                Arguments.of("failOnWarning in pom.xml", Repo.onGitHub()
                        .withFile("pom.xml", "<configuration><failOnWarning>true</failOnWarning></configuration>"),
                        Status.MET, "(javac -Werror)"),
                Arguments.of("ESLint with no warnings allowed", Repo.onGitHub()
                        .withFile("package.json", "{\"scripts\": {\"lint\": \"eslint . --max-warnings 0\"}}"),
                        Status.MET, "(ESLint --max-warnings 0)"),
                Arguments.of("golangci-lint in CI fails on findings", Repo.onGitHub()
                        .withWorkflow(".github/workflows/lint.yml", PUSH_AND_PR, "golangci-lint run ./..."),
                        Status.MET, "runs golangci-lint, which fails on any finding"),
                Arguments.of("-Wno-error is not -Werror", Repo.onGitHub()
                        .withFile("CMakeLists.txt", "add_compile_options(-Wall -Wno-error)\n"),
                        Status.UNMET, "Nothing was seen that makes the build or CI fail on warnings"),
                Arguments.of("Clippy without -D warnings", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "cargo clippy --all-targets"),
                        Status.UNMET, "runs Clippy. Nothing was seen"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no compiler or linter warnings"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No warning flags or linters"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No warning flags"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> enforcesCodingStyle() {
        return Stream.of(
                Arguments.of("Spotless check on every pull request", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "./mvnw -B spotless:check verify"),
                        Status.MET, "checks the coding style with Spotless on every pull request and push"),
                Arguments.of("Prettier check in GitLab CI", Repo.onGitHub()
                        .withFile(".gitlab-ci.yml", "lint:\n  script:\n    - npx prettier --check .\n"),
                        Status.MET, "The CI configuration .gitlab-ci.yml checks the coding style with Prettier"),
                Arguments.of("Black as a pre-commit hook", Repo.onGitHub().withFile(".pre-commit-config.yaml",
                        "repos:\n- repo: https://github.com/psf/black\n  hooks:\n  - id: black\n"),
                        Status.MET, "The pre-commit hooks in .pre-commit-config.yaml check the coding style with Black"),
                Arguments.of("Spotless in the Maven build", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>spotless-maven-plugin</artifactId>"),
                        Status.MET, "Spotless checks the coding style as part of the build (pom.xml)"),
                Arguments.of("only a .clang-format file", Repo.onGitHub().withFiles(".clang-format", "a.c"),
                        Status.UNMET, "A style is configured (.clang-format), but no CI job"),
                Arguments.of("prettier --write formats but checks nothing", Repo.onGitHub().withFile(".prettierrc")
                        .withWorkflow(".github/workflows/fmt.yml", PUSH_AND_PR, "npx prettier --write ."),
                        Status.UNMET, "A style is configured (.prettierrc)"),
                Arguments.of("ESLint only listed in package.json", Repo.onGitHub()
                        .withFile("package.json", "{\"devDependencies\": {\"eslint\": \"^9\"}}"),
                        Status.UNMET, "A style is configured (package.json)"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no coding style to check"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No formatter or style checker"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No formatter"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("enablesWarningsOrLinter")
    void enablesWarningsOrLinter(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new EnablesWarningsOrLinter(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("failsOnWarnings")
    void failsOnWarnings(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new FailsOnWarnings(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("enforcesCodingStyle")
    void enforcesCodingStyle(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new EnforcesCodingStyle(), repo, expected, justificationPart);
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
