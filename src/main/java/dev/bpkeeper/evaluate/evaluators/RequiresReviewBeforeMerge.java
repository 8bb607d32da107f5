package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.snapshot.BranchRules;

/** Must someone other than the author approve a change before it is merged into the default branch? */
public final class RequiresReviewBeforeMerge extends BranchRuleQuestion implements Evaluator {

    public RequiresReviewBeforeMerge() {
        super("The default branch's rules are not known");
    }

    @Override
    boolean holds(BranchRules rules) {
        return rules.requiredApprovals() >= 1;
    }

    @Override
    String met(BranchRules rules) {
        return "Merging into the default branch needs " + rules.requiredApprovals() + " approving review"
                + (rules.requiredApprovals() == 1 ? "" : "s");
    }

    @Override
    String unmet() {
        // Reviews may still happen in practice; the rules alone do not require them.
        return "The default branch's rules require no approving review before merging";
    }
}
