package dev.bpkeeper.evaluate;

import dev.bpkeeper.criteria.Level;
import java.util.Map;

/**
 * A project's standing in both series.
 *
 * @param tieredPercentage 0..300 as bestpractices.dev computes it: passing % below 100, then 100 + silver %,
 *        then 200 + gold %
 * @param badge "in_progress", "passing", "silver" or "gold"
 * @param baselineTieredPercentage the same for baseline-1..3, chained (a level counts only on top of the
 *        one below)
 * @param baselineBadge "baseline-1".."baseline-3", or "in_progress"
 */
public record Score(
        Map<Level, LevelScore> levels,
        int tieredPercentage,
        String badge,
        int baselineTieredPercentage,
        String baselineBadge) {

    public Score {
        levels = Map.copyOf(levels);
    }

    public LevelScore at(Level level) {
        return levels.get(level);
    }

    /** The percentage a badge shows while the first level is not yet reached. */
    public int passingPercentage() {
        return levels.get(Level.PASSING).percentage();
    }

    public int baseline1Percentage() {
        return levels.get(Level.BASELINE_1).percentage();
    }
}
