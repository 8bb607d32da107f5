package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;

/**
 * Do workflows keep untrusted event data (pull request titles, branch names, comments) out of their scripts,
 * where it could inject commands?
 */
public final class KeepsUntrustedInputOutOfWorkflowScripts implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        return WorkflowScan.keptOutOfScripts(snapshot, WorkflowScan.UNTRUSTED_EVENT_DATA, "untrusted event data"
                + " (issue and pull request titles and bodies, comments, branch names, commit messages)");
    }
}
