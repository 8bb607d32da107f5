package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Set;

/**
 * The shared answer to "does the default branch's rules require X?": Unknown when the rules could not be read,
 * otherwise Met or Unmet on one property, naming where the rules were read and linking their settings page.
 *
 * <p>Evaluators extend this and declare {@code implements Evaluator} themselves, as with {@link DocumentedTopic}.
 */
abstract class BranchRuleQuestion {
    private final String unknown;

    /** @param unknown the sentence for unreadable rules, without the reason and full stop */
    BranchRuleQuestion(String unknown) {
        this.unknown = unknown;
    }

    public Set<Need> needs() {
        return Set.of(Need.BRANCH_RULES);
    }

    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.branchRules().isKnown()) {
            return Finding.unknown(unknown + " (" + snapshot.branchRules().unknownReason() + ").");
        }
        BranchRules rules = snapshot.branchRules().value();
        Evidence[] settings = Look.page(snapshot, "/settings/rules", "branch rules");
        String source = " (" + rules.source() + ").";
        return holds(rules) ? Finding.met(met(rules) + source, settings) : Finding.unmet(unmet() + source, settings);
    }

    abstract boolean holds(BranchRules rules);

    /** The sentence for Met, without the source and full stop. */
    abstract String met(BranchRules rules);

    /** The sentence for Unmet, without the source and full stop. */
    abstract String unmet();
}
