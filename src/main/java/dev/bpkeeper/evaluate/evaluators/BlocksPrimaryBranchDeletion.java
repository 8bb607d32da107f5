package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Set;

/** Is the default branch protected against deletion? */
public final class BlocksPrimaryBranchDeletion implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.BRANCH_RULES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.branchRules().isKnown()) {
            return Finding.unknown("The default branch's protection is not known ("
                    + snapshot.branchRules().unknownReason() + ").");
        }
        BranchRules rules = snapshot.branchRules().value();
        Evidence[] settings = snapshot.webLink("/settings/rules").map(l -> Evidence.page("branch rules", l)).stream()
                .toArray(Evidence[]::new);
        if (rules.blocksDeletion()) {
            return Finding.met("The default branch cannot be deleted (" + rules.source() + ").", settings);
        }
        return Finding.unmet("Nothing prevents deleting the default branch (" + rules.source() + ").", settings);
    }
}
