package dev.bpkeeper.evaluate.evaluators;

import java.util.ArrayList;
import java.util.List;

/**
 * The tools evaluators recognise, grouped by what they show. Each list is in priority order: the first tool
 * found is the one a justification names, so the best-known tools come first.
 */
final class Tools {

    /** Static analysers that look for vulnerabilities (static_analysis_common_vulnerabilities). */
    static final List<Tool> SECURITY_ANALYSIS = List.of(
            Tool.of("CodeQL", "github/codeql-action/(init|analyze|autobuild)|\\bcodeql\\s+database\\b"),
            Tool.of("Semgrep", "\\bsemgrep\\b|returntocorp/semgrep"),
            Tool.of("SonarQube/SonarCloud", "sonarsource/sonar|sonarcloud|sonar-scanner|\\bsonar:sonar\\b"
                    + "|sonar-maven-plugin|org\\.sonarqube", "sonar-project\\.properties"),
            Tool.of("FindSecBugs", "findsecbugs|find-sec-bugs"),
            Tool.of("gosec", "\\bgosec\\b"),
            Tool.of("Bandit", "\\bbandit\\b"),
            Tool.of("Brakeman", "\\bbrakeman\\b"),
            Tool.of("Sobelow", "\\bsobelow\\b"),
            Tool.of("Snyk Code", "\\bsnyk\\s+code\\b"),
            Tool.of("Coverity Scan", "\\bcoverity\\b|\\bcov-build\\b"),
            Tool.of("cppcheck", "\\bcppcheck\\b"),
            Tool.of("Flawfinder", "\\bflawfinder\\b"),
            Tool.of("DevSkim", "\\bdevskim\\b"),
            Tool.of("njsscan", "\\bnjsscan\\b"),
            Tool.of("eslint-plugin-security", "eslint-plugin-security|@microsoft/eslint-plugin-sdl"),
            Tool.of("GitLab SAST", "security/sast\\.gitlab-ci\\.yml"),
            Tool.of("Checkmarx", "checkmarx/"),
            Tool.of("Fortify", "\\bfortify\\b"),
            Tool.of("Veracode", "\\bveracode\\b"));

    /** Linters and bug finders that reason about code without looking for vulnerabilities in particular. */
    static final List<Tool> LINTERS = List.of(
            Tool.of("SpotBugs", "\\bspotbugs\\b", "spotbugs(-exclude|-include|-filter)?\\.xml"),
            Tool.of("PMD", "\\bpmd\\b"),
            Tool.of("Error Prone", "error[_-]?prone"),
            Tool.of("Infer", "\\bfbinfer\\b|\\binfer\\s+(run|capture|--)"),
            Tool.of("clang-tidy", "\\bclang-tidy\\b", "\\.clang-tidy"),
            Tool.of("Clang Static Analyzer", "\\bscan-build\\b"),
            Tool.of("golangci-lint", "\\bgolangci\\b", "\\.golangci\\.(ya?ml|toml|json)"),
            Tool.of("staticcheck", "\\bstaticcheck\\b", "staticcheck\\.conf"),
            Tool.of("go vet", "\\bgo\\s+vet\\b"),
            Tool.of("Clippy", "\\bclippy\\b", "\\.?clippy\\.toml"),
            Tool.of("Pylint", "\\bpylint\\b", "\\.?pylintrc"),
            Tool.of("Ruff", "\\bruff\\b", "\\.?ruff\\.toml"),
            Tool.of("mypy", "\\bmypy\\b", "\\.?mypy\\.ini"),
            Tool.of("Pyright", "\\bpyright\\b", "pyrightconfig\\.json"),
            Tool.of("ESLint", "\\beslint\\b", "\\.eslintrc(\\.(js|cjs|mjs|ya?ml|json))?|eslint\\.config\\.[cm]?[jt]s"),
            Tool.of("PHPStan", "\\bphpstan\\b", "phpstan\\.neon(\\.dist)?"),
            Tool.of("Psalm", "\\bpsalm\\b", "psalm\\.xml(\\.dist)?"),
            Tool.of("RuboCop", "\\brubocop\\b", "\\.rubocop\\.ya?ml"),
            Tool.of("detekt", "\\bdetekt\\b", "detekt(-config)?\\.ya?ml"),
            Tool.of("SwiftLint", "\\bswiftlint\\b", "\\.swiftlint\\.ya?ml"),
            Tool.of("Credo", "\\bcredo\\b", "\\.credo\\.exs"),
            Tool.of("dart analyze", "\\b(dart|flutter)\\s+analyze\\b"),
            Tool.of("ShellCheck", "\\bshellcheck\\b", "\\.shellcheckrc"),
            Tool.of("Flake8", "\\bflake8\\b", "\\.flake8"),
            Tool.of("Qodana", "\\bqodana\\b", "qodana\\.ya?ml"));

    /** Static analysers of any kind (static_analysis). */
    static final List<Tool> STATIC_ANALYSIS = concat(SECURITY_ANALYSIS, LINTERS);

    /** Fuzzers, web scanners and run-time checkers (dynamic_analysis). */
    static final List<Tool> DYNAMIC_ANALYSIS = List.of(
            Tool.of("ClusterFuzzLite", "google/clusterfuzzlite"),
            Tool.of("OSS-Fuzz CIFuzz", "oss-fuzz/infra/cifuzz"),
            Tool.of("Go native fuzzing", "\\bgo\\s+test\\b[^\\n]*\\s-fuzz\\b"),
            Tool.of("cargo-fuzz", "\\bcargo[\\s-]+fuzz\\b"),
            Tool.of("Jazzer", "\\bjazzer\\b"),
            Tool.of("Atheris", "\\batheris\\b"),
            Tool.of("libFuzzer", "-fsanitize=[a-z,]*fuzzer|\\blibfuzzer\\b"),
            Tool.of("AFL", "\\bafl(\\+\\+|-fuzz|-clang(-fast|-lto)?)\\b|aflplusplus"),
            Tool.of("honggfuzz", "\\bhonggfuzz\\b"),
            Tool.of("OWASP ZAP", "zaproxy/|\\bowasp[\\s-]zap\\b|zap-(baseline|full-scan|api-scan)"),
            Tool.of("Schemathesis", "\\bschemathesis\\b"),
            Tool.of("RESTler", "\\brestler\\b"),
            Tool.of("Nuclei", "projectdiscovery/nuclei"),
            Tool.of("Go race detector", "\\bgo\\s+test\\b[^\\n]*\\s-race\\b"),
            Tool.of("Miri", "\\bcargo\\s+(\\+nightly\\s+)?miri\\b"));

    /** Memory-error detectors for C, C++ and their kin (dynamic_analysis_unsafe). */
    static final List<Tool> MEMORY_CHECKERS = List.of(
            Tool.of("AddressSanitizer", "-fsanitize=[a-z,]*address|\\basan\\b|asan_options"),
            Tool.of("MemorySanitizer", "-fsanitize=[a-z,]*memory|\\bmsan\\b"),
            Tool.of("UndefinedBehaviorSanitizer", "-fsanitize=[a-z,]*undefined|\\bubsan\\b"),
            Tool.of("ThreadSanitizer", "-fsanitize=[a-z,]*thread|\\btsan\\b"),
            Tool.of("a sanitizer build", "-fsanitize=|\\bb_sanitize\\b|\\bsanitizers?\\s*[:=]|-DSANITIZE"
                    + "|--enable-(asan|sanitizers?)\\b"),
            Tool.of("Valgrind", "\\bvalgrind\\b"),
            Tool.of("Dr. Memory", "\\bdrmemory\\b"),
            Tool.of("ClusterFuzzLite", "google/clusterfuzzlite"),
            Tool.of("OSS-Fuzz CIFuzz", "oss-fuzz/infra/cifuzz"));

    /** Formatters and style checkers (coding_standards_enforced). */
    static final List<Tool> STYLE_CHECKERS = List.of(
            Tool.of("Spotless", "\\bspotless(:check|Check|-maven-plugin)|com\\.diffplug\\.spotless"),
            Tool.of("Checkstyle", "\\bcheckstyle\\b"),
            Tool.of("Prettier", "\\bprettier\\b[^\\n]*(--check|-c\\b|--list-different|-l\\b)"),
            Tool.of("Biome", "\\bbiome\\s+(check|ci|lint|format)\\b"),
            Tool.of("ESLint", "\\beslint\\b"),
            Tool.of("Black", "\\bblack\\b[^\\n]*--check\\b|psf/black"),
            Tool.of("Ruff", "\\bruff\\s+(check|format\\s+--check)|astral-sh/ruff-action|chartboost/ruff-action"),
            Tool.of("isort", "\\bisort\\b[^\\n]*(--check|-c\\b)"),
            Tool.of("Flake8", "\\bflake8\\b"),
            Tool.of("pycodestyle", "\\bpycodestyle\\b"),
            Tool.of("gofmt", "\\bgofmt\\s+-[a-z]*l|\\bgofumpt\\b|\\bgoimports\\b"),
            Tool.of("golangci-lint", "\\bgolangci\\b"),
            Tool.of("rustfmt", "\\bcargo\\s+(\\+\\w+\\s+)?fmt\\b[^\\n]*--check|\\brustfmt\\b[^\\n]*--check"),
            Tool.of("clang-format", "\\bclang-format\\b[^\\n]*(--dry-run|-n\\b|--Werror)|clang-format-(lint|action)"
                    + "|jidicula/clang-format"),
            Tool.of("RuboCop", "\\brubocop\\b|\\bstandardrb\\b"),
            Tool.of("PHP_CodeSniffer", "\\bphpcs\\b"),
            Tool.of("PHP CS Fixer", "php-cs-fixer[^\\n]*--dry-run"),
            Tool.of("ktlint", "\\bktlint\\b"),
            Tool.of("SwiftFormat", "\\bswiftformat\\b[^\\n]*--lint|\\bswift-format\\s+lint\\b"),
            Tool.of("SwiftLint", "\\bswiftlint\\b"),
            Tool.of("mix format", "\\bmix\\s+format\\s+--check-formatted"),
            Tool.of("dart format", "\\bdart\\s+format\\b[^\\n]*--set-exit-if-changed"),
            Tool.of("dotnet format", "\\bdotnet\\s+format\\b[^\\n]*--verify-no-changes"),
            Tool.of("scalafmt", "\\bscalafmtCheck|\\bscalafmt\\s+--test"),
            Tool.of("shfmt", "\\bshfmt\\b[^\\n]*\\s-d\\b"),
            Tool.of("EditorConfig checker", "editorconfig-checker"),
            Tool.of("pre-commit", "\\bpre-commit\\s+run\\b|pre-commit/action|pre-commit-ci"),
            Tool.of("Super-Linter", "super-linter/super-linter|github/super-linter|oxsecurity/megalinter"),
            Tool.of("a lint script", "\\b(npm|yarn|pnpm|bun)\\s+(run\\s+)?(lint|format:check|check-format)\\b"
                    + "|\\bmake\\s+(lint|format-check|check-format|fmt-check)\\b"));

    /** Coverage measurement (test_most). */
    static final List<Tool> COVERAGE = List.of(
            Tool.of("Codecov", "codecov", "\\.?codecov\\.ya?ml"),
            Tool.of("Coveralls", "coveralls", "\\.coveralls\\.ya?ml"),
            Tool.of("JaCoCo", "\\bjacoco\\b"),
            Tool.of("Kover", "\\bkover\\b"),
            Tool.of("coverage.py", "\\bcoverage\\s+(run|report|xml|html)\\b|--cov\\b|pytest-cov", "\\.coveragerc"),
            Tool.of("Istanbul", "\\bnyc\\b|\\bc8\\b|istanbul|\\b(jest|vitest)\\b[^\\n]*--coverage\\b",
                    "\\.nycrc(\\.json|\\.ya?ml)?"),
            Tool.of("Go coverage", "\\bgo\\s+test\\b[^\\n]*-(cover|coverprofile)\\b"),
            Tool.of("cargo-llvm-cov", "\\bcargo[\\s-]+llvm-cov\\b|\\btarpaulin\\b|\\bgrcov\\b"),
            Tool.of("gcov", "\\bgcovr?\\b|\\blcov\\b|-fprofile-arcs|-ftest-coverage"),
            Tool.of("SimpleCov", "\\bsimplecov\\b"),
            Tool.of("Coverlet", "\\bcoverlet\\b|XPlat Code Coverage"),
            Tool.of("scoverage", "\\bscoverage\\b|\\bcoverageReport\\b"),
            Tool.of("ExCoveralls", "\\bexcoveralls\\b|\\bmix\\s+test\\s+--cover\\b"),
            Tool.of("PHPUnit coverage", "--coverage-(clover|html|text|xml)"),
            Tool.of("a coverage option", "--coverage\\b"));

    /** Compiler warnings and linters switched on (warnings). */
    static final List<Tool> WARNINGS = concat(List.of(
            Tool.of("compiler warnings (-Wall)", "-W(all|extra|pedantic)\\b|\\bwarning_level\\s*=\\s*[23]"),
            Tool.of("javac lint warnings (-Xlint)", "-Xlint\\b"),
            Tool.of("Kotlin warnings as errors", "allWarningsAsErrors|warningsAsErrors"),
            Tool.of("the TypeScript compiler's strict mode", "\"strict\"\\s*:\\s*true"),
            Tool.of("Cargo lints", "^\\[(workspace\\.)?lints(\\.[a-z]+)?\\]"),
            Tool.of(".NET analyzers", "<(EnableNETAnalyzers|AnalysisLevel|AnalysisMode)>"),
            Tool.of("Checkstyle", "\\bcheckstyle\\b", "checkstyle\\.xml")), LINTERS);

    /** Settings that turn compiler or linter warnings into failures wherever they are set (warnings_strict). */
    static final List<Tool> WARNINGS_AS_ERRORS = List.of(
            Tool.of("-Werror", "-Werror\\b|COMPILE_WARNING_AS_ERROR|\\bwerror\\s*=\\s*true|--fatal-warnings"),
            Tool.of("javac -Werror", "<failOnWarning>\\s*true|-Xlint[^\\n]*-Werror"),
            Tool.of("Kotlin warnings as errors", "allWarningsAsErrors\\s*(=|\\.set\\()\\s*true"
                    + "|warningsAsErrors\\s*(=|\\.set\\()\\s*true"),
            Tool.of("Rust -D warnings", "-D\\s*warnings\\b|-Dwarnings\\b"),
            Tool.of("ESLint --max-warnings 0", "--max-warnings[=\\s]+0\\b"),
            Tool.of(".NET warnings as errors", "TreatWarningsAsErrors>\\s*true|-warnaserror|/warnaserror"),
            Tool.of("clang-tidy warnings as errors", "^WarningsAsErrors:\\s*'?[^'\\s]"),
            Tool.of("Python warnings as errors", "-W\\s*error\\b|filterwarnings\\s*=\\s*\\[?\\s*[\"']error"),
            Tool.of("Checkstyle failing on violations", "<failOnViolation>\\s*true|<failsOnError>\\s*true"
                    + "|maxWarnings\\s*=\\s*0"));

    /** Linters that fail on any finding, so that running them in CI keeps warnings out (warnings_fixed). */
    static final List<Tool> FAILING_LINTERS = List.of(
            Tool.of("golangci-lint", "\\bgolangci\\b"),
            Tool.of("staticcheck", "\\bstaticcheck\\b"),
            Tool.of("go vet", "\\bgo\\s+vet\\b"),
            Tool.of("Ruff", "\\bruff\\s+check\\b|astral-sh/ruff-action"),
            Tool.of("Flake8", "\\bflake8\\b"),
            Tool.of("Pylint", "\\bpylint\\b"),
            Tool.of("mypy", "\\bmypy\\b"),
            Tool.of("ShellCheck", "\\bshellcheck\\b"),
            Tool.of("RuboCop", "\\brubocop\\b"),
            Tool.of("PHPStan", "\\bphpstan\\b"),
            Tool.of("Psalm", "\\bpsalm\\b"),
            Tool.of("Clippy", "\\bclippy\\b[^\\n]*-D\\s*warnings"),
            Tool.of("SpotBugs", "spotbugs:check|spotbugsMain"),
            Tool.of("Checkstyle", "checkstyle:check|checkstyleMain"));

    /** Scanners of dependencies for known vulnerabilities (dependency_monitoring). */
    static final List<Tool> DEPENDENCY_SCANNERS = List.of(
            Tool.of("GitHub's dependency review", "actions/dependency-review-action"),
            Tool.of("OSV-Scanner", "osv-scanner"),
            Tool.of("OWASP Dependency-Check", "dependency-check|org\\.owasp\\.dependencycheck"),
            Tool.of("Snyk", "snyk/actions|\\bsnyk\\s+(test|monitor)\\b"),
            Tool.of("npm audit", "\\b(npm|yarn|pnpm)\\s+audit\\b|audit-ci|better-npm-audit"),
            Tool.of("pip-audit", "\\bpip-audit\\b|pypa/gh-action-pip-audit|\\bsafety\\s+(check|scan)\\b"),
            Tool.of("cargo audit", "\\bcargo[\\s-]+(audit|deny)\\b|rustsec/audit-check|embarkstudios/cargo-deny"),
            Tool.of("govulncheck", "\\bgovulncheck\\b"),
            Tool.of("bundler-audit", "\\bbundle(r)?[\\s-]+audit\\b"),
            Tool.of("Composer audit", "\\bcomposer\\s+audit\\b"),
            Tool.of("mix audit", "\\bmix\\s+(deps\\.audit|hex\\.audit)\\b"),
            Tool.of("dotnet vulnerable packages", "--vulnerable\\b"),
            Tool.of("Trivy", "aquasecurity/trivy-action|\\btrivy\\s+(fs|repo|filesystem)\\b"),
            Tool.of("Grype", "anchore/scan-action|\\bgrype\\b"),
            Tool.of("Mend", "whitesource|\\bmend\\b[^\\n]*(scan|unified)"));

    private Tools() {
    }

    private static List<Tool> concat(List<Tool> first, List<Tool> second) {
        List<Tool> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
