package dev.bpkeeper.policy;

import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Category;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.LevelScore;
import dev.bpkeeper.evaluate.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a project stands against the level it aims at: the level's percentage, and the MUST criteria at that level
 * or below it (in the same series) that are Unmet. The computed prerequisites (achieve_passing ...) are left out of
 * the latter: they are Unmet while anything below is merely unanswered, and the gate fails only on a real Unmet.
 *
 * @param unmetMusts criterion ids, lowest level first
 */
public record TargetStanding(Level target, int percentage, boolean achieved, List<String> unmetMusts) {

    public TargetStanding {
        unmetMusts = List.copyOf(unmetMusts);
    }

    public static TargetStanding of(Catalogue catalogue, Assessment assessment, Level target) {
        Set<String> unmet = new LinkedHashSet<>();
        for (Level level : Level.of(target.series())) {
            if (level.ordinal() > target.ordinal()) {
                break;
            }
            for (Criterion criterion : catalogue.at(level)) {
                if (criterion.automation() != Automation.COMPUTED
                        && criterion.at(level).orElseThrow().category() == Category.MUST
                        && assessment.verdict(criterion.id()).status() == Status.UNMET) {
                    unmet.add(criterion.id());
                }
            }
        }
        LevelScore score = assessment.score().at(target);
        return new TargetStanding(target, score.percentage(), score.achieved(), new ArrayList<>(unmet));
    }

    /** What a check run in this mode concludes. */
    public Conclusion conclusion(CheckRunMode mode) {
        if (mode != CheckRunMode.GATE) {
            return Conclusion.NEUTRAL;
        }
        return unmetMusts.isEmpty() ? Conclusion.SUCCESS : Conclusion.FAILURE;
    }

    /** A check run's conclusion, named as GitHub names it. */
    public enum Conclusion {
        NEUTRAL,
        SUCCESS,
        FAILURE
    }
}
