package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.snapshot.BranchRules;

/** Must the required status checks pass before a change reaches the default branch? */
public final class RequiresStatusChecksBeforeMerge extends BranchRuleQuestion implements Evaluator {

    public RequiresStatusChecksBeforeMerge() {
        super("The default branch's rules are not known");
    }

    @Override
    boolean holds(BranchRules rules) {
        return rules.requiresStatusChecks();
    }

    @Override
    String met(BranchRules rules) {
        return "Changes to the default branch must pass the required status checks";
    }

    @Override
    String unmet() {
        return "The default branch's rules require no status checks before merging";
    }
}
