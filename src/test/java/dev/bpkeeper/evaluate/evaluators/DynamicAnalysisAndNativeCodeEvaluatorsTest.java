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

/** runsDynamicAnalysis, testsMemoryUnsafeCode and buildsNativeCode share Code.nativeCode and the checkers. */
class DynamicAnalysisAndNativeCodeEvaluatorsTest {
    private static final Set<String> PUSH_AND_PR = Set.of("push", "pull_request");

    static Repo inC() {
        return Repo.onGitHub().languages(Map.of("C", 5_000L, "Python", 100L));
    }

    static Stream<Arguments> runsDynamicAnalysis() {
        return Stream.of(
                Arguments.of("ClusterFuzzLite on pull requests", Repo.onGitHub()
                        .withWorkflow(".github/workflows/cflite.yml", Set.of("pull_request"),
                                "uses: google/clusterfuzzlite/actions/build_fuzzers@v1"),
                        Status.MET, "runs ClusterFuzzLite on every pull request."),
                Arguments.of("OWASP ZAP baseline scan", Repo.onGitHub()
                        .withWorkflow(".github/workflows/dast.yml", Set.of("schedule"),
                                "uses: zaproxy/action-baseline@v0.14.0"),
                        Status.MET, "runs OWASP ZAP on a schedule."),
                Arguments.of("Jazzer in the Maven build", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>jazzer-junit</artifactId>"),
                        Status.MET, "Jazzer is set up in the build file pom.xml"),
                Arguments.of("cargo-fuzz targets", Repo.onGitHub().withFiles("fuzz/Cargo.toml",
                        "fuzz/fuzz_targets/parse.rs"), Status.MET, "1 fuzz target(s), such as fuzz/fuzz_targets/parse.rs"),
                Arguments.of(".clusterfuzzlite directory", Repo.onGitHub().withFile(".clusterfuzzlite/build.sh"),
                        Status.MET, "ClusterFuzzLite is configured in .clusterfuzzlite/"),
                Arguments.of("Jazzer-style fuzzer class", Repo.onGitHub().withFile("src/test/java/ParserFuzzer.java"),
                        Status.MET, "such as src/test/java/ParserFuzzer.java"),
                Arguments.of("go fuzz test file", Repo.onGitHub().withFile("parse/fuzz_test.go"),
                        Status.MET, "such as parse/fuzz_test.go"),
                Arguments.of("fuzzy matching code is no fuzzer", Repo.onGitHub().withFiles(
                        "src/main/java/FuzzyMatcher.java", "lib/defuzzify.c", "docs/fuzzing.md", "pom.xml"),
                        Status.UNKNOWN, "No fuzzing"),
                Arguments.of("documents only", Repo.onGitHub().languages(Map.of()).withFile("README.md"),
                        Status.NOT_APPLICABLE, "nothing to run under analysis"),
                Arguments.of("nothing in CI or build files: analysis outside the repository cannot be seen",
                        Repo.onGitHub().withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "run: make test")
                                .withFile("Makefile", "test:\n\t./run-tests.sh\n"),
                        Status.UNKNOWN, "would not show here"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "No fuzzing"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "outside the repository"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.c").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> testsMemoryUnsafeCode() {
        return Stream.of(
                Arguments.of("ASan in a workflow", inC().withWorkflow(".github/workflows/asan.yml", PUSH_AND_PR,
                        "cmake -B build -DCMAKE_C_FLAGS=-fsanitize=address && ctest --test-dir build"),
                        Status.MET, "runs the code under AddressSanitizer on every pull request and push."),
                Arguments.of("Valgrind in the Makefile", inC().withFile("Makefile", "memcheck:\n\tvalgrind ./tests\n"),
                        Status.MET, "Valgrind is set up in the build file Makefile"),
                Arguments.of("C without a memory checker", inC().withFile("Makefile", "all:\n\tcc -o w w.c\n"),
                        Status.UNMET, "GitHub counts C code in the repository, but no memory-error detector"),
                Arguments.of("Java only: nothing memory-unsafe", Repo.onGitHub(), Status.NOT_APPLICABLE,
                        "GitHub counts no C, C++, Objective-C or assembly code"),
                Arguments.of("C files in a local directory", Repo.localDirectory().withFiles("src/a.c", "src/a.h"),
                        Status.UNMET, "The repository has 2 C, C++, Objective-C or assembly file(s)"),
                Arguments.of("vendored C does not count", Repo.localDirectory()
                        .withFiles("main.go", "vendor/github.com/x/y/z.c"),
                        Status.NOT_APPLICABLE, "No C, C++, Objective-C or assembly files"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.NOT_APPLICABLE,
                        "so there is no memory-unsafe code to test"),
                Arguments.of("no C seen in a truncated tree", Repo.localDirectory().withFile("main.go").truncated(),
                        Status.UNKNOWN, "truncated"));
    }

    static Stream<Arguments> buildsNativeCode() {
        return Stream.of(
                Arguments.of("Java only", Repo.onGitHub().withFile("pom.xml"), Status.NOT_APPLICABLE,
                        "so no native binaries are built"),
                Arguments.of("C built with CMake", inC().withFile("CMakeLists.txt"), Status.UNKNOWN,
                        "CMake honours these variables"),
                Arguments.of("Makefile overriding CFLAGS and stripping", inC()
                        .withFile("Makefile", "CFLAGS = -O2\nall:\n\tcc $(CFLAGS) -o w w.c\ninstall:\n\tinstall -s w /usr/bin\n"),
                        Status.UNKNOWN, "Makefile line 1 (\"CFLAGS = -O2\") sets a flag variable with ="),
                Arguments.of("CFLAGS ?= is fine", inC().withFile("Makefile", "CFLAGS ?= -O2\n"), Status.UNKNOWN,
                        "a person must check"),
                Arguments.of("C files without language counts", Repo.localDirectory().withFile("x.c"), Status.UNKNOWN,
                        "a person must check"),
                Arguments.of("empty repository (GitHub counts Java)", Repo.onGitHub(), Status.NOT_APPLICABLE,
                        "GitHub counts no C"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.NOT_APPLICABLE, "No C, C++"),
                Arguments.of("truncated tree", Repo.localDirectory().withFile("a.go").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("runsDynamicAnalysis")
    void runsDynamicAnalysis(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new RunsDynamicAnalysis(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("testsMemoryUnsafeCode")
    void testsMemoryUnsafeCode(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new TestsMemoryUnsafeCode(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("buildsNativeCode")
    void buildsNativeCode(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new BuildsNativeCode(), repo, expected, justificationPart);
    }

    @Test
    void notApplicableIsDecisiveOnlyWhenGitHubCountedTheLanguages() {
        assertThat(new BuildsNativeCode().evaluate(Repo.onGitHub().snapshot()).confidence())
                .isEqualTo(Confidence.DECISIVE);
        assertThat(new BuildsNativeCode().evaluate(Repo.localDirectory().withFile("a.go").snapshot()).confidence())
                .isEqualTo(Confidence.PROPOSAL);
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
