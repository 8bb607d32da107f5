package dev.bpkeeper.act.report;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The .bestpractices.json that bestpractices.dev reads to pre-fill a project's answers: one
 * {@code <id>_status} (Met, Unmet, N/A or ?) and {@code <id>_justification} per criterion, keyed by the
 * site's field names. Unknown answers carry no justification: there is nothing to pre-fill.
 */
public final class BestPracticesJson {

    private BestPracticesJson() {
    }

    public static Map<String, String> of(Catalogue catalogue, Assessment assessment) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Criterion criterion : catalogue.all()) {
            Verdict verdict = assessment.verdict(criterion.id());
            fields.put(criterion.id() + "_status", verdict.status().label());
            if (verdict.status() != Status.UNKNOWN) {
                fields.put(criterion.id() + "_justification", verdict.justificationWithEvidence());
            }
        }
        return fields;
    }

    /**
     * The same fields from a stored result (the report's JSON), so that what a maintainer downloads there is what
     * the fix-up pull request would commit.
     */
    public static Map<String, String> of(AssessmentView view) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (AssessmentView.CriterionView criterion : view.criteria()) {
            fields.put(criterion.id() + "_status", criterion.status());
            if (!Status.UNKNOWN.label().equals(criterion.status())) {
                String justification = criterion.justification() == null ? "" : criterion.justification();
                String links = criterion.evidence().stream().map(AssessmentView.EvidenceView::link)
                        .filter(l -> l != null && !justification.contains(l)).collect(Collectors.joining(" "));
                fields.put(criterion.id() + "_justification", links.isEmpty() ? justification
                        : justification + " " + links);
            }
        }
        return fields;
    }
}
