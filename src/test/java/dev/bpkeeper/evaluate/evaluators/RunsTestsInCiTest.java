package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunsTestsInCiTest {
    static final Set<String> PUSH_AND_PR = Set.of("push", "pull_request");
    static final Set<String> PUSH = Set.of("push");

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("tests on every pull request", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "uses: actions/checkout@v4", "mvn -B verify"),
                        Status.MET, Confidence.DECISIVE, "runs the tests on every pull request and push"),
                Arguments.of("tests on pushes only", Repo.onGitHub()
                        .withWorkflow(".github/workflows/ci.yml", PUSH, "go test ./..."),
                        Status.MET, Confidence.PROPOSAL, "runs the tests on every push"),
                Arguments.of("tests inside the script the workflow runs", Repo.onGitHub()
                        .withFile(".ci/run", "#!/bin/sh\nexec ./mvnw -B verify\n")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "bash .ci/run"),
                        Status.MET, Confidence.DECISIVE, "runs the tests on every pull request"),
                Arguments.of("a script whose text was not read", Repo.onGitHub().withFile("scripts/ci.sh")
                        .withWorkflow(".github/workflows/ci.yml", PUSH_AND_PR, "./scripts/ci.sh"),
                        Status.UNKNOWN, Confidence.PROPOSAL, "scripts/ci.sh, whose text was not read"),
                Arguments.of("a script that only lints", Repo.onGitHub().withFile("scripts/lint.sh", "eslint .\n")
                        .withWorkflow(".github/workflows/lint.yml", PUSH_AND_PR, "bash scripts/lint.sh"),
                        Status.UNMET, Confidence.PROPOSAL, "no job that runs on changes was seen running a test"),
                Arguments.of("a scheduled workflow does not integrate changes", Repo.onGitHub()
                        .withWorkflow(".github/workflows/nightly.yml", Set.of("schedule"), "mvn -B verify"),
                        Status.UNMET, Confidence.PROPOSAL, "no job that runs on changes"),
                Arguments.of("another CI system", Repo.onGitHub().withFile(".travis.yml", "script:\n  - make test\n"),
                        Status.MET, Confidence.PROPOSAL, ".travis.yml runs the tests"),
                Arguments.of("no CI at all", Repo.onGitHub().withFile("README.md"), Status.UNMET, Confidence.DECISIVE,
                        "No continuous integration configuration"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, Confidence.DECISIVE,
                        "No continuous integration configuration"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, Confidence.DECISIVE,
                        "No continuous integration configuration"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().withFile("README.md").truncated(),
                        Status.UNKNOWN, Confidence.PROPOSAL, "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromWhatCiRunsOnChanges(String scenario, Repo repo, Status status, Confidence confidence,
                                        String justificationPart) {
        Finding finding = new RunsTestsInCi().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(status);
        assertThat(finding.confidence()).isEqualTo(confidence);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
