package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Is code from pull requests kept away from secrets: no pull_request_target or workflow_run workflow checks out
 * and runs the pull request's code?
 */
public final class IsolatesUntrustedCodeFromSecrets implements Evaluator {
    /** Triggers that run with the base repository's secrets and a write token even for forks' pull requests. */
    private static final List<String> PRIVILEGED = List.of("pull_request_target", "workflow_run");
    private static final Pattern PR_HEAD_REF = Pattern.compile("(?i)\\bref\\s*:[^\\n]*(github\\.event\\.pull_request"
            + "\\.(head|merge_commit_sha)|github\\.head_ref|refs/pull/|github\\.event\\.workflow_run\\.head_"
            + "|github\\.event\\.number)");
    private static final Pattern PR_CHECKOUT_COMMAND = Pattern.compile("(?i)\\bgh\\s+pr\\s+checkout\\b"
            + "|\\bgit\\s+fetch\\b[^\\n]*\\bpull/|\\bgit\\s+(checkout|switch)\\b[^\\n]*(head_ref|pull_request\\.head)");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Finding> none = WorkflowScan.noWorkflows(snapshot);
        if (none.isPresent()) {
            return none.get();
        }
        List<String> privileged = new ArrayList<>();
        List<String> checkouts = new ArrayList<>();
        List<String> checkoutPaths = new ArrayList<>();
        for (Workflow workflow : snapshot.workflows()) {
            List<String> triggers = PRIVILEGED.stream().filter(workflow::runsOn).toList();
            if (triggers.isEmpty()) {
                continue;
            }
            privileged.add(workflow.path());
            for (Workflow.Job job : workflow.jobs()) {
                if (job.steps().stream().anyMatch(IsolatesUntrustedCodeFromSecrets::checksOutPullRequest)) {
                    checkouts.add(workflow.path() + " (" + String.join(", ", triggers) + ", job " + job.id() + ")");
                    checkoutPaths.add(workflow.path());
                }
            }
        }
        if (!checkouts.isEmpty()) {
            return Finding.unmet("Pull request code is checked out in a privileged workflow, where it runs with the"
                    + " repository's secrets and a write token: " + Look.list(checkouts) + ".",
                    Look.evidence(snapshot, checkoutPaths.get(0))).proposed();
        }
        List<String> unread = WorkflowScan.unread(snapshot);
        if (!unread.isEmpty()) {
            return Finding.unknown("No workflow read checks out pull request code with privileges, but "
                    + Look.list(unread) + " could not be read.");
        }
        String why = privileged.isEmpty()
                ? "No workflow runs on pull_request_target or workflow_run, so code from pull requests runs only in"
                        + " pull_request jobs, which get no secrets and a read-only token from forks."
                : "The privileged workflows (" + Look.list(privileged) + ") do not check out the pull request's"
                        + " code.";
        return Finding.met(why + WorkflowScan.otherCiNote(snapshot)).proposed();
    }

    private static boolean checksOutPullRequest(Workflow.Step step) {
        boolean checkout = step.uses().map(u -> u.toLowerCase(Locale.ROOT).startsWith("actions/checkout"))
                .orElse(false);
        return checkout && PR_HEAD_REF.matcher(step.with()).find()
                || step.run().map(r -> PR_CHECKOUT_COMMAND.matcher(r).find()).orElse(false);
    }
}
