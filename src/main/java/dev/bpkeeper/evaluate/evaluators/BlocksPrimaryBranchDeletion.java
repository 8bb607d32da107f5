package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.snapshot.BranchRules;

/** Is the default branch protected against deletion? */
public final class BlocksPrimaryBranchDeletion extends BranchRuleQuestion implements Evaluator {

    public BlocksPrimaryBranchDeletion() {
        super("The default branch's protection is not known");
    }

    @Override
    boolean holds(BranchRules rules) {
        return rules.blocksDeletion();
    }

    @Override
    String met(BranchRules rules) {
        return "The default branch cannot be deleted";
    }

    @Override
    String unmet() {
        return "Nothing prevents deleting the default branch";
    }
}
