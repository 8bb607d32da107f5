package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Set;

/** Must someone other than the author approve a change before it is merged into the default branch? */
public final class RequiresReviewBeforeMerge implements Evaluator {

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
        if (rules.requiredApprovals() >= 1) {
            return Finding.met("Merging into the default branch needs " + rules.requiredApprovals() + " approving"
                    + " review" + (rules.requiredApprovals() == 1 ? "" : "s") + " (" + rules.source() + ").", settings);
        }
        // Reviews may still happen in practice; the rules alone do not require them.
        return Finding.unmet("The default branch's rules require no approving review before merging ("
                + rules.source() + ").", settings);
    }
}
