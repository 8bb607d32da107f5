package dev.bpkeeper.evaluate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The result of evaluating one snapshot against the whole catalogue.
 *
 * @param verdicts by criterion id, in catalogue order
 */
public record Assessment(
        String name,
        Optional<String> commitSha,
        Instant observedAt,
        Map<String, Verdict> verdicts,
        Score score) {

    public Assessment {
        verdicts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verdicts));
    }

    public Verdict verdict(String criterionId) {
        Verdict verdict = verdicts.get(criterionId);
        if (verdict == null) {
            throw new IllegalArgumentException("No criterion " + criterionId);
        }
        return verdict;
    }
}
