package dev.bpkeeper.evaluate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer to one criterion, as bestpractices.dev would record it.
 *
 * @param evaluator the evaluator that answered, or "" for human and computed criteria
 * @param source who gave the answer; a maintainer's own words carry more weight in scoring (see Scoring)
 */
public record Verdict(
        String criterionId,
        Status status,
        String justification,
        List<Evidence> evidence,
        Confidence confidence,
        String evaluator,
        Source source) {

    public Verdict {
        evidence = List.copyOf(evidence);
    }

    /** Who answered. */
    public enum Source {
        EVALUATOR,
        COMPUTED,
        MAINTAINER,
        NOBODY
    }

    /**
     * The justification with its evidence links, in the form bestpractices.dev expects (a criterion that
     * requires a URL counts only when the justification contains one).
     */
    public String justificationWithEvidence() {
        String links = evidence.stream().map(Evidence::link).filter(l -> !justification.contains(l))
                .collect(Collectors.joining(" "));
        return links.isEmpty() ? justification : justification + " " + links;
    }
}
