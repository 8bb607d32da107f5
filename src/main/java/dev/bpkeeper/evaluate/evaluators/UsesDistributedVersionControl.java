package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;

/** Is the source kept in a distributed version control system that records who changed what and when? */
public final class UsesDistributedVersionControl implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.versionControl().isKnown()) {
            return Finding.unknown("Not a version-controlled checkout (" + snapshot.versionControl().unknownReason()
                    + ").");
        }
        String where = snapshot.metadata().webUrl().isKnown() ? " at " + snapshot.metadata().webUrl().value() : "";
        return Finding.met("The source is kept in " + snapshot.versionControl().value() + where
                + ", a distributed version control system that records each change with its author and time.");
    }
}
