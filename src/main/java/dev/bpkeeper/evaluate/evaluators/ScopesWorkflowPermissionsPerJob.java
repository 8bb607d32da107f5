package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Is each workflow job given only the token permissions it needs (a permissions block, never write-all)? */
public final class ScopesWorkflowPermissionsPerJob implements Evaluator {

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
        List<String> problems = new ArrayList<>();
        int jobs = 0;
        for (Workflow workflow : snapshot.workflows()) {
            if (WorkflowScan.grantsWriteAll(workflow.permissions())) {
                problems.add(workflow.path() + " grants write-all to every job");
            } else if (WorkflowScan.grantsWrite(workflow.permissions()) && workflow.jobs().size() > 1) {
                problems.add(workflow.path() + " grants write access (" + workflow.permissions().get()
                        + ") to all " + workflow.jobs().size() + " jobs at the workflow level");
            }
            for (Workflow.Job job : workflow.jobs()) {
                jobs++;
                if (WorkflowScan.grantsWriteAll(job.permissions())) {
                    problems.add(workflow.path() + " job " + job.id() + " has write-all");
                } else if (job.permissions().isEmpty() && workflow.permissions().isEmpty()) {
                    problems.add(workflow.path() + " job " + job.id() + " declares no permissions");
                }
            }
        }
        if (!problems.isEmpty()) {
            return Finding.unmet("Not every job is limited to the permissions it needs: "
                    + Look.list(problems.stream().limit(3).toList())
                    + (problems.size() > 3 ? " and " + (problems.size() - 3) + " more" : "") + ".").proposed();
        }
        List<String> unread = WorkflowScan.unread(snapshot);
        if (!unread.isEmpty()) {
            return Finding.unknown("Every job read declares scoped permissions, but " + Look.list(unread)
                    + " could not be read.");
        }
        return Finding.met("Each of the " + jobs + " job(s) in " + snapshot.workflows().size() + " workflow(s) gets a"
                + " permissions block (its own or its workflow's), and none grants write-all.").proposed();
    }
}
