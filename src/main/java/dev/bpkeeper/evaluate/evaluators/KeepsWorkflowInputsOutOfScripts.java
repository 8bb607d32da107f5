package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;

/** Do workflows keep inputs from collaborators (workflow_dispatch inputs, dispatch payloads) out of their scripts? */
public final class KeepsWorkflowInputsOutOfScripts implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        return WorkflowScan.keptOutOfScripts(snapshot, WorkflowScan.WORKFLOW_INPUTS, "input from collaborators"
                + " (workflow inputs and repository_dispatch payloads)");
    }
}
