package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Set;

/** Are direct pushes to the default branch refused, so that every change arrives through a pull request? */
public final class BlocksDirectCommitsToPrimaryBranch implements Evaluator {

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
        if (rules.requiresPullRequest()) {
            return Finding.met("The default branch requires pull requests (" + rules.source() + ").", settings);
        }
        return Finding.unmet("The default branch accepts direct pushes: no pull-request rule (" + rules.source()
                + ").", settings);
    }
}
