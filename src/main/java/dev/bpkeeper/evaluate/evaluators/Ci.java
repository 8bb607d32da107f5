package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Continuous integration as the snapshot shows it: GitHub Actions workflows and other CI systems' files. */
final class Ci {
    /** Commands that run a test suite in the common ecosystems. */
    static final Pattern TEST_COMMAND = Look.words("(\\bmvnw?\\b[^\\n]*\\b(test|verify|install|package)\\b"
            + "|\\bgradlew?\\b[^\\n]*\\b(test|check|build)\\b|\\b(npm|yarn|pnpm|bun)\\s+(run\\s+)?test"
            + "|\\bpytest\\b|\\btox\\b|\\bnox\\b|\\bgo\\s+test\\b|\\bcargo\\s+(test|nextest)\\b|\\bctest\\b"
            + "|\\bmake\\s+(check|test)\\b|\\bdotnet\\s+test\\b|\\brspec\\b|\\brake\\s+test\\b|\\bphpunit\\b"
            + "|\\bmix\\s+test\\b|\\bswift\\s+test\\b|\\bbazel\\s+test\\b|\\bmeson\\s+test\\b|\\bsbt\\b[^\\n]*\\btest\\b"
            + "|\\bunittest\\b|\\bjest\\b|\\bvitest\\b|\\bmocha\\b|\\bcomposer\\s+test\\b)");
    static final List<String> OTHER_CI_FILES = List.of(".gitlab-ci.yml", ".travis.yml", ".circleci/config.yml",
            "Jenkinsfile", "azure-pipelines.yml", ".cirrus.yml", "appveyor.yml", "bitbucket-pipelines.yml",
            ".buildkite/pipeline.yml", ".drone.yml", ".woodpecker.yml");

    private Ci() {
    }

    /** Workflows that run on changes (push or pull request), the ones that integrate continuously. */
    static List<Workflow> onChanges(RepositorySnapshot snapshot) {
        return snapshot.workflows().stream()
                .filter(w -> w.runsOn("push") || w.runsOn("pull_request") || w.runsOn("pull_request_target")
                        || w.runsOn("merge_group"))
                .toList();
    }

    /** Workflows that run on pull requests, the ones that gate a change before it is accepted. */
    static List<Workflow> onPullRequests(RepositorySnapshot snapshot) {
        return snapshot.workflows().stream()
                .filter(w -> w.runsOn("pull_request") || w.runsOn("pull_request_target") || w.runsOn("merge_group"))
                .toList();
    }

    /** Paths a run step names, such as `bash .ci/run` or `./scripts/test.sh`. */
    private static final Pattern SCRIPT_TOKEN = Pattern.compile("(?:^|[\\s;&|(])(?:bash\\s+|sh\\s+)?(?:\\./)?"
            + "([\\w.-]+(?:/[\\w.-]+)*)");

    /** The repository scripts a workflow's steps run, as they appear in the tree. */
    static List<String> scriptsRunBy(RepositorySnapshot snapshot, Workflow workflow) {
        List<String> scripts = new ArrayList<>();
        for (Workflow.Job job : workflow.jobs()) {
            for (Workflow.Step step : job.steps()) {
                step.run().ifPresent(run -> {
                    java.util.regex.Matcher token = SCRIPT_TOKEN.matcher(run);
                    while (token.find()) {
                        String candidate = token.group(1);
                        if (candidate.contains("/") || candidate.endsWith(".sh")) {
                            snapshot.tree().find(candidate).filter(p -> !scripts.contains(p)).ifPresent(scripts::add);
                        }
                    }
                });
            }
        }
        return scripts;
    }

    /**
     * The first workflow (of the given ones) that runs the tests, directly in its steps or through a repository
     * script it runs whose text was read.
     */
    static Optional<Workflow> firstRunningTests(RepositorySnapshot snapshot, List<Workflow> workflows) {
        return workflows.stream().filter(w -> TEST_COMMAND.matcher(w.allStepText()).find()
                || scriptsRunBy(snapshot, w).stream().anyMatch(script -> snapshot.text(script)
                        .map(text -> TEST_COMMAND.matcher(text).find()).orElse(false)))
                .findFirst();
    }

    /** Scripts the given workflows run whose text was not read: what they do cannot be told. */
    static List<String> unreadScripts(RepositorySnapshot snapshot, List<Workflow> workflows) {
        return workflows.stream().flatMap(w -> scriptsRunBy(snapshot, w).stream())
                .filter(script -> snapshot.text(script).isEmpty()).distinct().toList();
    }

    /** The first workflow (of the given ones) whose steps match the pattern. */
    static Optional<Workflow> firstMatching(List<Workflow> workflows, Pattern pattern) {
        return workflows.stream().filter(w -> pattern.matcher(w.allStepText()).find()).findFirst();
    }

    /** Config files of CI systems other than GitHub Actions that exist in the tree. */
    static List<String> otherCiFiles(RepositorySnapshot snapshot) {
        List<String> found = new ArrayList<>();
        for (String candidate : OTHER_CI_FILES) {
            snapshot.tree().find(candidate).ifPresent(found::add);
        }
        return found;
    }

    /** Other CI files whose fetched text matches the pattern. */
    static Optional<String> otherCiMatching(RepositorySnapshot snapshot, Pattern pattern) {
        return otherCiFiles(snapshot).stream()
                .filter(p -> snapshot.text(p).map(t -> pattern.matcher(t).find()).orElse(false))
                .findFirst();
    }
}
