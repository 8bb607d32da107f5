package dev.bpkeeper.evaluate.evaluators;

import static dev.bpkeeper.evaluate.evaluators.Repo.job;
import static dev.bpkeeper.evaluate.evaluators.Repo.run;
import static dev.bpkeeper.evaluate.evaluators.Repo.uses;
import static dev.bpkeeper.evaluate.evaluators.Repo.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.snapshot.Workflow;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keepsUntrustedInputOutOfWorkflowScripts, keepsWorkflowInputsOutOfScripts, isolatesUntrustedCodeFromSecrets,
 * defaultsWorkflowTokenToReadOnly and scopesWorkflowPermissionsPerJob share WorkflowScan.
 */
class WorkflowSecurityEvaluatorsTest {
    private static final Set<String> PR = Set.of("pull_request");
    private static final Set<String> PR_TARGET = Set.of("pull_request_target");
    private static final Set<String> DISPATCH = Set.of("workflow_dispatch");

    static Repo with(Workflow... workflows) {
        Repo repo = Repo.onGitHub();
        for (Workflow w : workflows) {
            repo.withWorkflow(w);
        }
        return repo;
    }

    static Workflow scripted(String path, Set<String> triggers, Workflow.Step... steps) {
        return workflow(path, triggers, null, job("label", null, steps));
    }

    /** The common situations without any workflow, shared by the five evaluators. */
    static Stream<Arguments> withoutWorkflows() {
        return Stream.of(
                Arguments.of("no pipelines at all", Repo.onGitHub().withFile("pom.xml"), Status.NOT_APPLICABLE,
                        "no CI/CD pipelines"),
                Arguments.of("only GitLab CI", Repo.onGitHub().withFile(".gitlab-ci.yml"), Status.UNKNOWN,
                        "defined in .gitlab-ci.yml, which this check does not read"),
                Arguments.of("workflow file not read", Repo.onGitHub().withFile(".github/workflows/ci.yml"),
                        Status.UNKNOWN, "The workflows .github/workflows/ci.yml were not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.NOT_APPLICABLE, "no CI/CD pipelines"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.NOT_APPLICABLE, "no CI/CD"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> keepsUntrustedInputOutOfWorkflowScripts() {
        return Stream.concat(Stream.of(
                Arguments.of("pull request title in a script", with(scripted(".github/workflows/triage.yml", PR_TARGET,
                        run("echo \"${{ github.event.pull_request.title }}\" | ./classify"))),
                        Status.UNMET, "${{ github.event.pull_request.title }} in .github/workflows/triage.yml (job label)"),
                Arguments.of("branch name in a script", with(scripted(".github/workflows/ci.yml", PR,
                        run("git push origin ${{ github.head_ref }}"))), Status.UNMET, "${{ github.head_ref }}"),
                Arguments.of("issue body in github-script", with(scripted(".github/workflows/bot.yml",
                        Set.of("issues"), uses("actions/github-script@v7",
                                "script: console.log(`${{ github.event.issue.body }}`)\n"))),
                        Status.UNMET, "${{ github.event.issue.body }}"),
                Arguments.of("safe fields in a script", with(scripted(".github/workflows/ci.yml", PR,
                        run("echo ${{ github.event.pull_request.number }} ${{ github.event.repository.name }}"))),
                        Status.MET, "None of the 1 workflow(s) expands untrusted event data"),
                Arguments.of("title given to an action's input, not a script", with(scripted(".github/workflows/l.yml",
                        PR_TARGET, uses("actions/labeler@v5", "title: ${{ github.event.issue.title }}\n"))),
                        Status.MET, "None of the 1 workflow(s)"),
                Arguments.of("one workflow unreadable", with(scripted(".github/workflows/ci.yml", PR, run("make")),
                        Workflow.unreadable(".github/workflows/bad.yml", "not valid YAML")),
                        Status.UNKNOWN, ".github/workflows/bad.yml could not be read")), withoutWorkflows());
    }

    static Stream<Arguments> keepsWorkflowInputsOutOfScripts() {
        return Stream.concat(Stream.of(
                Arguments.of("dispatch input in a script", with(scripted(".github/workflows/release.yml", DISPATCH,
                        run("./release.sh ${{ inputs.version }}"))), Status.UNMET,
                        "${{ inputs.version }} in .github/workflows/release.yml (job label)"),
                Arguments.of("old-style event inputs", with(scripted(".github/workflows/release.yml", DISPATCH,
                        run("git tag ${{ github.event.inputs.tag }}"))), Status.UNMET, "github.event.inputs.tag"),
                Arguments.of("repository_dispatch payload", with(scripted(".github/workflows/deploy.yml",
                        Set.of("repository_dispatch"), run("deploy ${{ github.event.client_payload.env }}"))),
                        Status.UNMET, "client_payload"),
                Arguments.of("step outputs and an input given to an action", with(scripted(".github/workflows/r.yml",
                        DISPATCH, run("echo ${{ steps.meta.outputs.version }} ${{ env.INPUTS_DIR }}"),
                        uses("actions/setup-node@v4", "node-version: ${{ inputs.node }}\n"))),
                        Status.MET, "None of the 1 workflow(s) expands input from collaborators")),
                withoutWorkflows());
    }

    static Stream<Arguments> isolatesUntrustedCodeFromSecrets() {
        return Stream.concat(Stream.of(
                Arguments.of("pull_request_target checks out the head", with(workflow(".github/workflows/pr.yml",
                        PR_TARGET, null, job("test", null, uses("actions/checkout@v4",
                                "ref: ${{ github.event.pull_request.head.sha }}\n"), run("npm test")))),
                        Status.UNMET, ".github/workflows/pr.yml (pull_request_target, job test)"),
                Arguments.of("workflow_run runs gh pr checkout", with(workflow(".github/workflows/after.yml",
                        Set.of("workflow_run"), null, job("bench", null, run("gh pr checkout 42 && make bench")))),
                        Status.UNMET, "(workflow_run, job bench)"),
                Arguments.of("pull_request_target on the base code", with(workflow(".github/workflows/label.yml",
                        PR_TARGET, null, job("label", null, uses("actions/checkout@v4", ""),
                                uses("actions/labeler@v5", "")))),
                        Status.MET, "The privileged workflows (.github/workflows/label.yml) do not check out"),
                Arguments.of("head checkout under the safe pull_request trigger", with(workflow(
                        ".github/workflows/ci.yml", PR, null, job("test", null, uses("actions/checkout@v4",
                                "ref: ${{ github.event.pull_request.head.sha }}\n")))),
                        Status.MET, "No workflow runs on pull_request_target or workflow_run")),
                withoutWorkflows());
    }

    static Stream<Arguments> defaultsWorkflowTokenToReadOnly() {
        Workflow declared = workflow(".github/workflows/ci.yml", PR, "contents: read", job("build", null, run("make")));
        Workflow perJob = workflow(".github/workflows/ci.yml", PR, null, job("build", "contents: read", run("make")));
        Workflow undeclared = workflow(".github/workflows/ci.yml", PR, null, job("build", null, run("make")));
        Workflow writeAll = workflow(".github/workflows/ci.yml", PR, "write-all", job("build", null, run("make")));
        return Stream.of(
                Arguments.of("read-only default", with(undeclared).workflowTokenPermissions("read"), Status.MET,
                        "default GITHUB_TOKEN permission is read-only"),
                Arguments.of("write default, every workflow declares", with(declared).workflowTokenPermissions("write"),
                        Status.MET, "but every workflow (1) declares"),
                Arguments.of("write default, a workflow without permissions", with(declared, workflow(
                        ".github/workflows/release.yml", Set.of("push"), null, job("publish", null, run("make"))))
                        .workflowTokenPermissions("write"),
                        Status.UNMET, "and .github/workflows/release.yml declares no permissions of their own"),
                Arguments.of("write-all at the top is no restriction", with(writeAll).workflowTokenPermissions("write"),
                        Status.UNMET, ".github/workflows/ci.yml declares no permissions"),
                Arguments.of("write default, no workflows", Repo.onGitHub().workflowTokenPermissions("write"),
                        Status.UNMET, "read and write."),
                Arguments.of("unknown default, every job declares", with(perJob), Status.MET,
                        "Every workflow (1) declares its own permissions"),
                Arguments.of("unknown default, a workflow without permissions", with(undeclared), Status.UNKNOWN,
                        "not known (not gathered), and .github/workflows/ci.yml declares no permissions"),
                Arguments.of("unknown default, no pipelines", Repo.onGitHub(), Status.NOT_APPLICABLE,
                        "no CI/CD pipelines"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.NOT_APPLICABLE, "no CI/CD"),
                Arguments.of("truncated tree", Repo.onGitHub().withFile("pom.xml").truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    static Stream<Arguments> scopesWorkflowPermissionsPerJob() {
        return Stream.concat(Stream.of(
                Arguments.of("every job declares", with(workflow(".github/workflows/ci.yml", PR, null,
                        job("build", "contents: read", run("make")), job("lint", "contents: read", run("make lint")))),
                        Status.MET, "Each of the 2 job(s) in 1 workflow(s) gets a permissions block"),
                Arguments.of("read-only workflow default", with(workflow(".github/workflows/ci.yml", PR, "{}",
                        job("build", null, run("make")))), Status.MET, "none grants write-all"),
                Arguments.of("write at the workflow level for several jobs", with(workflow(".github/workflows/r.yml",
                        PR, "contents: write", job("build", null, run("make")), job("publish", null, run("gh release")))),
                        Status.UNMET, "grants write access (contents: write) to all 2 jobs at the workflow level"),
                Arguments.of("write for the only job", with(workflow(".github/workflows/r.yml", PR, "contents: write",
                        job("publish", null, run("gh release create")))), Status.MET, "none grants write-all"),
                Arguments.of("a job with write-all", with(workflow(".github/workflows/r.yml", PR, null,
                        job("release", "write-all", run("make")))), Status.UNMET, "job release has write-all"),
                Arguments.of("a job without permissions", with(workflow(".github/workflows/ci.yml", PR, null,
                        job("build", null, run("make")), job("lint", "contents: read", run("make lint")))),
                        Status.UNMET, ".github/workflows/ci.yml job build declares no permissions"),
                Arguments.of("one workflow unreadable", with(workflow(".github/workflows/ci.yml", PR, "{}",
                        job("build", null, run("make"))), Workflow.unreadable(".github/workflows/bad.yml", "bad")),
                        Status.UNKNOWN, ".github/workflows/bad.yml could not be read")), withoutWorkflows());
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("keepsUntrustedInputOutOfWorkflowScripts")
    void keepsUntrustedInputOutOfWorkflowScripts(String scenario, Repo repo, Status expected, String part) {
        assertFinding(new KeepsUntrustedInputOutOfWorkflowScripts(), repo, expected, part);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("keepsWorkflowInputsOutOfScripts")
    void keepsWorkflowInputsOutOfScripts(String scenario, Repo repo, Status expected, String part) {
        assertFinding(new KeepsWorkflowInputsOutOfScripts(), repo, expected, part);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("isolatesUntrustedCodeFromSecrets")
    void isolatesUntrustedCodeFromSecrets(String scenario, Repo repo, Status expected, String part) {
        assertFinding(new IsolatesUntrustedCodeFromSecrets(), repo, expected, part);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("defaultsWorkflowTokenToReadOnly")
    void defaultsWorkflowTokenToReadOnly(String scenario, Repo repo, Status expected, String part) {
        assertFinding(new DefaultsWorkflowTokenToReadOnly(), repo, expected, part);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("scopesWorkflowPermissionsPerJob")
    void scopesWorkflowPermissionsPerJob(String scenario, Repo repo, Status expected, String part) {
        assertFinding(new ScopesWorkflowPermissionsPerJob(), repo, expected, part);
    }

    @Test
    void onlyTheReadOnlySettingIsDecisive() {
        Workflow declared = workflow(".github/workflows/ci.yml", PR, "contents: read", job("b", null, run("make")));
        assertThat(new DefaultsWorkflowTokenToReadOnly().evaluate(with(declared).workflowTokenPermissions("read")
                .snapshot()).confidence()).isEqualTo(Confidence.DECISIVE);
        assertThat(new DefaultsWorkflowTokenToReadOnly().evaluate(with(declared).workflowTokenPermissions("write")
                .snapshot()).confidence()).isEqualTo(Confidence.PROPOSAL);
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
