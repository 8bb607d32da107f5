package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Set;

/** Must the required status checks pass before a change reaches the default branch? */
public final class RequiresStatusChecksBeforeMerge implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.BRANCH_RULES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.branchRules().isKnown()) {
            return Finding.unknown("The default branch's rules are not known (" + snapshot.branchRules().unknownReason()
                    + ").");
        }
        BranchRules rules = snapshot.branchRules().value();
        Evidence[] settings = snapshot.webLink("/settings/rules").map(l -> Evidence.page("branch rules", l)).stream()
                .toArray(Evidence[]::new);
        if (rules.requiresStatusChecks()) {
            return Finding.met("Changes to the default branch must pass the required status checks ("
                    + rules.source() + ").", settings);
        }
        return Finding.unmet("The default branch's rules require no status checks before merging (" + rules.source()
                + ").", settings);
    }
}
