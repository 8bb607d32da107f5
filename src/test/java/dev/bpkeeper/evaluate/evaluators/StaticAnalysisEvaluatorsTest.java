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

/** runsStaticAnalysis, runsSecurityStaticAnalysis and runsStaticAnalysisOnEveryChange. */
class StaticAnalysisEvaluatorsTest {
    private static final Set<String> PUSH_AND_PR = Set.of("push", "pull_request");
    private static final String CODEQL = "uses: github/codeql-action/analyze@v3";

    static Repo codeQl(Set<String> triggers) {
        return Repo.onGitHub().withWorkflow(".github/workflows/codeql.yml", triggers,
                "uses: github/codeql-action/init@v3", CODEQL);
    }

    static Repo docsOnly() {
        return Repo.onGitHub().languages(Map.of()).withFile("README.md");
    }

    static Stream<Arguments> runsStaticAnalysis() {
        return Stream.of(
                Arguments.of("CodeQL on pull requests", codeQl(PUSH_AND_PR), Status.MET,
                        "The workflow .github/workflows/codeql.yml runs CodeQL on every pull request and push."),
                Arguments.of("golangci-lint in Travis", Repo.onGitHub()
                        .withFile(".travis.yml", "script:\n  - golangci-lint run\n"),
                        Status.MET, "The CI configuration .travis.yml runs golangci-lint in CI."),
                Arguments.of("SpotBugs in the Maven build", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>spotbugs-maven-plugin</artifactId>"),
                        Status.MET, "SpotBugs is set up in the build file pom.xml; confirm"),
                Arguments.of("SonarCloud project file", Repo.onGitHub().withFile("sonar-project.properties"),
                        Status.MET, "SonarQube/SonarCloud is configured (sonar-project.properties)"),
                Arguments.of("CodeQL only mentioned in a script", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "echo 'TODO: add CodeQL analysis'"),
                        Status.UNKNOWN, "No static analysis tool"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no code to analyse"),
                Arguments.of("empty repository: CodeQL's default setup may run unseen", Repo.onGitHub(),
                        Status.UNKNOWN, "default setup"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "No static analysis"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.java").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> runsSecurityStaticAnalysis() {
        return Stream.of(
                Arguments.of("Semgrep on pull requests", Repo.onGitHub()
                        .withWorkflow(".github/workflows/semgrep.yml", Set.of("pull_request"), "semgrep ci"),
                        Status.MET, "runs Semgrep, which looks for security vulnerabilities, on every pull request."),
                Arguments.of("Bandit in tox.ini", Repo.onGitHub().withFile("tox.ini", "[testenv:sec]\ncommands = bandit -r src\n"),
                        Status.MET, "Bandit, which looks for security vulnerabilities, is set up in the build file tox.ini"),
                Arguments.of("only ESLint", Repo.onGitHub()
                        .withWorkflow(".github/workflows/lint.yml", PUSH_AND_PR, "npx eslint ."),
                        Status.UNKNOWN, "ESLint analyses the code, but none of the tools found looks for vulnerabilities"),
                Arguments.of("SpotBugs without FindSecBugs", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>spotbugs-maven-plugin</artifactId>"),
                        Status.UNKNOWN, "SpotBugs analyses the code"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no code to analyse"),
                Arguments.of("empty repository: CodeQL's default setup may run unseen", Repo.onGitHub(),
                        Status.UNKNOWN, "No security-focused static analysis"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "No security-focused"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.py").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> runsStaticAnalysisOnEveryChange() {
        return Stream.of(
                Arguments.of("CodeQL on pull requests", codeQl(Set.of("pull_request")), Status.MET,
                        "runs CodeQL on every pull request."),
                Arguments.of("CodeQL on a schedule", codeQl(Set.of("schedule")), Status.MET,
                        "on a schedule; confirm that it runs at least daily"),
                Arguments.of("Semgrep in GitLab CI", Repo.onGitHub().withFile(".gitlab-ci.yml", "sast:\n  script: semgrep ci\n"),
                        Status.MET, "runs Semgrep in CI"),
                Arguments.of("SpotBugs in the build that CI runs", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>spotbugs-maven-plugin</artifactId>")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "mvn -B verify"),
                        Status.MET, "SpotBugs is part of the build (pom.xml), and the workflow .github/workflows/ci.yml"
                                + " runs the build on every pull request and push."),
                Arguments.of("CodeQL only when started by hand", codeQl(Set.of("workflow_dispatch")), Status.UNMET,
                        "nothing runs it on every change or daily"),
                Arguments.of("SpotBugs in the build but no CI", Repo.onGitHub()
                        .withFile("pom.xml", "<artifactId>spotbugs-maven-plugin</artifactId>"),
                        Status.UNMET, "SpotBugs is set up (the build file pom.xml)"),
                Arguments.of("documents only", docsOnly(), Status.NOT_APPLICABLE, "no code to analyse"),
                Arguments.of("empty repository: CodeQL's default setup may run unseen", Repo.onGitHub(),
                        Status.UNKNOWN, "No static analysis was found"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "No static analysis"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("a.go").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("runsStaticAnalysis")
    void runsStaticAnalysis(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new RunsStaticAnalysis(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("runsSecurityStaticAnalysis")
    void runsSecurityStaticAnalysis(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new RunsSecurityStaticAnalysis(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("runsStaticAnalysisOnEveryChange")
    void runsStaticAnalysisOnEveryChange(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new RunsStaticAnalysisOnEveryChange(), repo, expected, justificationPart);
    }

    @Test
    void aWorkflowRunIsDecisiveAndAConfigurationFileAProposal() {
        assertThat(new RunsStaticAnalysis().evaluate(codeQl(PUSH_AND_PR).snapshot()).confidence())
                .isEqualTo(Confidence.DECISIVE);
        assertThat(new RunsStaticAnalysis().evaluate(Repo.onGitHub().withFile(".golangci.yml").snapshot())
                .confidence()).isEqualTo(Confidence.PROPOSAL);
        assertThat(new RunsStaticAnalysisOnEveryChange().evaluate(codeQl(Set.of("schedule")).snapshot())
                .confidence()).isEqualTo(Confidence.PROPOSAL);
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
