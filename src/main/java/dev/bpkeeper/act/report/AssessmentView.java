package dev.bpkeeper.act.report;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.LevelScore;
import dev.bpkeeper.evaluate.Score;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An assessment joined with the catalogue, as plain data: the JSON the CLI prints, the API serves and storage
 * keeps. Field names are the public JSON contract (snake case, documented in the README).
 */
public record AssessmentView(
        String name,
        String commit,
        String observed_at,
        Badge badge,
        Badge baseline_badge,
        List<LevelView> levels,
        List<CriterionView> criteria) {

    /** The badge a series shows: level name and the tiered percentage (0..300) it comes from. */
    public record Badge(String level, int tiered_percentage, String label) {
    }

    public record LevelView(String level, int percentage, int counted, int total, Map<String, Integer> statuses,
                            List<String> blocking) {
    }

    public record RequirementView(String level, String category, boolean counts) {
    }

    public record EvidenceView(String label, String link, String path) {
    }

    /** @param source who answered: evaluator, computed, maintainer (declared in the configuration) or nobody */
    public record CriterionView(String id, String display_id, String section, String description, String url,
                                List<RequirementView> levels, String status, String justification,
                                List<EvidenceView> evidence, String confidence, String automation, String evaluator,
                                String remediation, String source) {
    }

    public static AssessmentView of(Catalogue catalogue, Assessment assessment) {
        Score score = assessment.score();
        List<LevelView> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            LevelScore s = score.at(level);
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (Status status : Status.values()) {
                statuses.put(status.label(), s.count(status));
            }
            levels.add(new LevelView(level.key(), s.percentage(), s.counted(), s.total(), statuses, s.blocking()));
        }
        List<CriterionView> criteria = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            Verdict verdict = assessment.verdict(criterion.id());
            List<RequirementView> requirements = new ArrayList<>();
            for (Requirement requirement : criterion.requirements()) {
                requirements.add(new RequirementView(requirement.level().key(), requirement.category().name(),
                        dev.bpkeeper.evaluate.Scoring.counts(requirement, verdict)));
            }
            criteria.add(new CriterionView(criterion.id(), criterion.displayId(), criterion.section(),
                    criterion.description(), criterion.url(), requirements, verdict.status().label(),
                    verdict.justification(),
                    verdict.evidence().stream().map(e -> new EvidenceView(e.label(), e.link(), e.path())).toList(),
                    verdict.confidence().name().toLowerCase(Locale.ROOT),
                    criterion.automation().name().toLowerCase(Locale.ROOT), verdict.evaluator(),
                    criterion.remediation().text(), verdict.source().name().toLowerCase(Locale.ROOT)));
        }
        return new AssessmentView(assessment.name(), assessment.commitSha().orElse(null),
                assessment.observedAt().toString(),
                new Badge(score.badge(), score.tieredPercentage(), metalLabel(score)),
                new Badge(score.baselineBadge(), score.baselineTieredPercentage(), baselineLabel(score)),
                levels, criteria);
    }

    /** What the metal badge says: "in progress N%" below passing, then the level achieved. */
    /** A stored result's answers by criterion id, as statuses again (a label no version knows is left out). */
    public static Map<String, Status> statuses(AssessmentView view) {
        Map<String, Status> statuses = new java.util.HashMap<>();
        for (CriterionView criterion : view.criteria()) {
            try {
                statuses.put(criterion.id(), Status.fromLabel(criterion.status()));
            } catch (IllegalArgumentException unknownLabel) {
                // written by a version with other labels: not comparable, so not compared
            }
        }
        return statuses;
    }

    /** A stored result's percentage per level. */
    public static Map<Level, Integer> percentages(AssessmentView view) {
        Map<Level, Integer> percentages = new java.util.EnumMap<>(Level.class);
        view.levels().forEach(l -> Level.fromKey(l.level()).ifPresent(level -> percentages.put(level, l.percentage())));
        return percentages;
    }

    public static String metalLabel(Score score) {
        return score.badge().equals("in_progress") ? "in progress " + score.passingPercentage() + "%" : score.badge();
    }

    public static String baselineLabel(Score score) {
        return score.baselineBadge().equals("in_progress") ? "in progress " + score.baseline1Percentage() + "%"
                : score.baselineBadge();
    }
}
