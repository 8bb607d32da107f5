package dev.bpkeeper.evaluate;

import dev.bpkeeper.criteria.Level;
import java.util.List;
import java.util.Map;

/**
 * How one level stands.
 *
 * @param counted criteria whose answer counts toward the level, by bestpractices.dev's rules
 * @param percentage round(100 × counted / total), capped at 99 until every criterion counts
 * @param statusCounts how many criteria of the level have each status
 * @param blocking MUST criteria of this level that are Unmet
 */
public record LevelScore(
        Level level,
        int total,
        int counted,
        int percentage,
        Map<Status, Integer> statusCounts,
        List<String> blocking) {

    public LevelScore {
        statusCounts = Map.copyOf(statusCounts);
        blocking = List.copyOf(blocking);
    }

    public boolean achieved() {
        return percentage == 100;
    }

    public int count(Status status) {
        return statusCounts.getOrDefault(status, 0);
    }
}
