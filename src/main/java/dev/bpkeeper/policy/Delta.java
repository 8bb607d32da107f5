package dev.bpkeeper.policy;

import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Category;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a change did in best-practices terms, against the evaluation of its base (for a pull request, the latest
 * evaluation of the default branch): each criterion whose answer differs, and each level's percentage before and
 * after. The computed prerequisites (achieve_passing ...) are left out: they move with everything else and say
 * nothing of their own.
 *
 * @param baseCommit the commit the change is compared with
 * @param changes criteria whose answer differs, in catalogue order
 */
public record Delta(String baseCommit, List<Change> changes, Map<Level, Integer> before, Map<Level, Integer> after) {

    public Delta {
        changes = List.copyOf(changes);
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** One criterion whose answer the change moved. */
    public record Change(String id, Status from, Status to) {
    }

    /**
     * @param base the base's answers by criterion id; a criterion the base did not know (a catalogue that grew since)
     *        is not a change
     * @param basePercentages the base's percentage per level
     */
    public static Delta between(Catalogue catalogue, String baseCommit, Map<String, Status> base,
                                Map<Level, Integer> basePercentages, Assessment head) {
        List<Change> changes = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            Status from = base.get(criterion.id());
            Verdict verdict = head.verdicts().get(criterion.id());
            if (criterion.automation() == Automation.COMPUTED || from == null || verdict == null) {
                continue;
            }
            if (from != verdict.status()) {
                changes.add(new Change(criterion.id(), from, verdict.status()));
            }
        }
        Map<Level, Integer> after = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            after.put(level, head.score().at(level).percentage());
        }
        return new Delta(baseCommit, changes, basePercentages, after);
    }

    /** The criteria the change brought to this answer ("newly Met"). */
    public List<String> newly(Status status) {
        return changes.stream().filter(c -> c.to() == status).map(Change::id).toList();
    }

    /**
     * The MUST criteria at the target level or below it (in its series) that the change made Unmet: what a regression
     * gate fails on. A criterion Unmet before and after is not the change's doing.
     */
    public List<String> regressions(Catalogue catalogue, Level target) {
        return changes.stream().filter(c -> c.to() == Status.UNMET)
                .filter(c -> catalogue.find(c.id()).map(criterion -> Level.of(target.series()).stream()
                        .filter(level -> level.ordinal() <= target.ordinal())
                        .anyMatch(level -> criterion.at(level).map(r -> r.category() == Category.MUST).orElse(false)))
                        .orElse(false))
                .map(Change::id).toList();
    }

    /** Under {@code gate-regressions}: failure when the change made a MUST Unmet, success otherwise. */
    public TargetStanding.Conclusion gate(Catalogue catalogue, Level target) {
        return regressions(catalogue, target).isEmpty() ? TargetStanding.Conclusion.SUCCESS
                : TargetStanding.Conclusion.FAILURE;
    }

    /** Levels whose percentage moved. */
    public List<Level> movedLevels() {
        return after.keySet().stream().sorted().filter(l -> before.containsKey(l) && !before.get(l).equals(after.get(l)))
                .toList();
    }
}
