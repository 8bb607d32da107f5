package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** hasAutomatedTests, hasStandardTestCommand and measuresTestCoverage share Code.testFiles. */
class TestSuiteEvaluatorsTest {
    private static final Set<String> PUSH_AND_PR = Set.of("push", "pull_request");

    static Stream<Arguments> hasAutomatedTests() {
        return Stream.of(
                Arguments.of("Maven tests run by a workflow", Repo.onGitHub()
                        .withFiles("pom.xml", "src/test/java/acme/WidgetTest.java")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "mvn -B verify"),
                        Status.MET, "the workflow .github/workflows/ci.yml runs the tests"),
                Arguments.of("pytest tests documented in the README", Repo.onGitHub()
                        .withFile("tests/test_widget.py").withFile("README.md", "# Widget\n\nRun `pytest` to test.\n"),
                        Status.MET, "README.md says how to run the tests (line 3"),
                Arguments.of("Go tests with the standard command", Repo.onGitHub()
                        .withFiles("go.mod", "widget_test.go"), Status.MET,
                        "the standard Go modules command `go test ./...`"),
                Arguments.of("tests nobody says how to run", Repo.onGitHub().withFile("tests/run.sh"),
                        Status.UNKNOWN, "neither CI nor the README"),
                Arguments.of("inline tests run by CI", Repo.onGitHub().withFile("Cargo.toml")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "cargo test --all"),
                        Status.MET, "No test directory is visible, but the workflow"),
                Arguments.of("Latest.java, testdata/ and TESTING.md are no tests", Repo.onGitHub()
                        .withFiles("pom.xml", "src/main/java/Latest.java", "testdata/in.bin", "TESTING.md"),
                        Status.UNMET, "No automated tests were found"),
                Arguments.of("production classes named like tests are no tests", Repo.onGitHub()
                        .withFiles("pom.xml", "src/main/java/acme/RunsTests.java", "core/src/main/java/SpecIT.java"),
                        Status.UNMET, "No automated tests were found"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No automated tests"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No automated tests"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(),
                        Status.UNKNOWN, "truncated"));
    }

    static Stream<Arguments> hasStandardTestCommand() {
        return Stream.of(
                Arguments.of("Maven tests", Repo.onGitHub().withFiles("pom.xml", "src/test/java/WidgetTest.java"),
                        Status.MET, "run with the standard Maven command `mvn -B test`"),
                Arguments.of("npm test script", Repo.onGitHub()
                        .withFile("package.json", "{\"scripts\": {\"test\": \"jest\"}}"),
                        Status.MET, "package.json defines the test script"),
                Arguments.of("npm's placeholder test script does not count", Repo.onGitHub()
                        .withFile("package.json", "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\""
                                + " && exit 1\"}}").withFile("__tests__/widget.test.js"),
                        Status.UNMET, "package.json defines no test script"),
                Arguments.of("Makefile check target", Repo.onGitHub()
                        .withFile("Makefile", "all:\n\tcc a.c\n\ncheck: all\n\t./run-tests\n"),
                        Status.MET, "Makefile has a test target"),
                Arguments.of("Makefile without a test target", Repo.onGitHub()
                        .withFile("Makefile", "all:\n\tcc a.c\n# test: later\n").withFile("tests/a.sh"),
                        Status.UNMET, "Makefile has no `test` or `check` target"),
                Arguments.of("CMake registers tests", Repo.onGitHub()
                        .withFile("CMakeLists.txt", "project(w)\nenable_testing()\nadd_test(NAME t COMMAND t)\n"),
                        Status.MET, "registers tests with CTest, so `ctest --test-dir build` runs them"),
                Arguments.of("CI runs cargo test", Repo.onGitHub().withFile("Cargo.toml")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "cargo test --locked"),
                        Status.MET, "runs the tests with a standard command (\"cargo test --locked\")"),
                Arguments.of("package.json not read", Repo.onGitHub().withFiles("package.json", "test/a.test.js"),
                        Status.UNKNOWN, "package.json could not be read"),
                Arguments.of("tests without a build tool", Repo.onGitHub().withFile("tests/run.sh"),
                        Status.UNMET, "no build tool with a standard test command"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No automated tests"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No automated tests"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> measuresTestCoverage() {
        return Stream.of(
                Arguments.of("Codecov in a workflow", Repo.onGitHub().withFile("tests/test_a.py")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "pytest --cov=widget",
                                "uses: codecov/codecov-action@v5"),
                        Status.MET, "The workflow .github/workflows/ci.yml measures test coverage with Codecov"),
                Arguments.of("JaCoCo in pom.xml", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>jacoco-maven-plugin</artifactId>"),
                        Status.MET, "JaCoCo measures test coverage (the build file pom.xml)"),
                Arguments.of(".coveragerc", Repo.onGitHub().withFiles(".coveragerc", "tests/test_a.py"),
                        Status.MET, "(the configuration file .coveragerc)"),
                Arguments.of("coverage badge in the README", Repo.onGitHub().withFile("README.md",
                        "# W\n[![cov](https://codecov.io/gh/acme/widget/badge.svg)](https://codecov.io/gh/acme/widget)\n"),
                        Status.MET, "coverage badge (line 2)"),
                Arguments.of("the word coverage in prose is no measurement", Repo.onGitHub()
                        .withFile("README.md", "We aim for good test coverage.\n").withFile("tests/test_a.py")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "pytest"),
                        Status.UNKNOWN, "no coverage measurement was found"),
                Arguments.of("no tests at all", Repo.onGitHub().withFile("main.py"), Status.UNMET,
                        "No automated tests and no coverage measurement"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No automated tests"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No automated tests"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("main.py").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("hasAutomatedTests")
    void hasAutomatedTests(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new HasAutomatedTests(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("hasStandardTestCommand")
    void hasStandardTestCommand(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new HasStandardTestCommand(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("measuresTestCoverage")
    void measuresTestCoverage(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new MeasuresTestCoverage(), repo, expected, justificationPart);
    }

    @Test
    void theStandardCommandLinksTheManifestForTheGoldUrl() {
        Finding finding = new HasStandardTestCommand().evaluate(Repo.onGitHub()
                .withFiles("pom.xml", "src/test/java/WidgetTest.java").snapshot());

        assertThat(finding.evidence()).singleElement().satisfies(e -> assertThat(e.isUrl()).isTrue());
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
