package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.snapshot.BranchRules;

/** Are direct pushes to the default branch refused, so that every change arrives through a pull request? */
public final class BlocksDirectCommitsToPrimaryBranch extends BranchRuleQuestion implements Evaluator {

    public BlocksDirectCommitsToPrimaryBranch() {
        super("The default branch's protection is not known");
    }

    @Override
    boolean holds(BranchRules rules) {
        return rules.requiresPullRequest();
    }

    @Override
    String met(BranchRules rules) {
        return "The default branch requires pull requests";
    }

    @Override
    String unmet() {
        return "The default branch accepts direct pushes: no pull-request rule";
    }
}
