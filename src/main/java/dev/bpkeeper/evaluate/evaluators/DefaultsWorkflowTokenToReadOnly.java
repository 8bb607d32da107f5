package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Do workflow jobs that declare no permissions get a read-only GITHUB_TOKEN? */
public final class DefaultsWorkflowTokenToReadOnly implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.WORKFLOW_TOKEN_PERMISSIONS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Fact<String> setting = snapshot.workflowTokenPermissions();
        Evidence[] settings = Look.page(snapshot, "/settings/actions", "Actions settings");
        if (setting.isKnown() && setting.value().toLowerCase(Locale.ROOT).equals("read")) {
            return Finding.met("The repository's default GITHUB_TOKEN permission is read-only.", settings);
        }
        List<String> undeclared = snapshot.workflows().stream().filter(w -> !declaresPermissions(w))
                .map(Workflow::path).toList();
        List<String> unread = WorkflowScan.unread(snapshot);
        boolean allDeclared = !snapshot.workflows().isEmpty() && undeclared.isEmpty() && unread.isEmpty();
        if (setting.isKnown()) {
            if (allDeclared) {
                return Finding.met("The repository's default GITHUB_TOKEN permission is read and write, but every"
                        + " workflow (" + snapshot.workflows().size() + ") declares its own read-only or scoped"
                        + " permissions.", settings).proposed();
            }
            return Finding.unmet("The repository's default GITHUB_TOKEN permission is read and write"
                    + (undeclared.isEmpty() ? "" : ", and " + Look.list(undeclared.stream().limit(3).toList())
                    + " declare" + (undeclared.size() == 1 ? "s" : "") + " no permissions of their own") + ".",
                    settings);
        }
        Optional<Finding> none = WorkflowScan.noWorkflows(snapshot);
        if (none.isPresent()) {
            return none.get();
        }
        if (allDeclared) {
            return Finding.met("Every workflow (" + snapshot.workflows().size() + ") declares its own permissions, so"
                    + " no job falls back to the repository default.").proposed();
        }
        return Finding.unknown("The repository's default GITHUB_TOKEN permission is not known ("
                + setting.unknownReason() + "), and " + (undeclared.isEmpty() ? Look.list(unread) + " could not be"
                + " read" : Look.list(undeclared.stream().limit(3).toList()) + " declare"
                + (undeclared.size() == 1 ? "s" : "") + " no permissions of their own") + ".");
    }

    /** Every job of the workflow gets a permissions block other than write-all, from the workflow or its own. */
    static boolean declaresPermissions(Workflow workflow) {
        if (workflow.permissions().isPresent()) {
            return !WorkflowScan.grantsWriteAll(workflow.permissions());
        }
        return !workflow.jobs().isEmpty() && workflow.jobs().stream()
                .allMatch(j -> j.permissions().isPresent() && !WorkflowScan.grantsWriteAll(j.permissions()));
    }
}
