package dev.bpkeeper.evaluate;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Category;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.criteria.Series;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores verdicts exactly as bestpractices.dev scores answers (app/models/project.rb), with one deliberate
 * difference: an Unmet SHOULD counts upstream when it has a justification, because a person wrote why the
 * project does not do it. Our own "not found" sentence is not such a reason, so an Unmet SHOULD counts here
 * only when a maintainer gave it.
 */
public final class Scoring {
    /** Upstream's MIN_SHOULD_LENGTH. */
    static final int MIN_JUSTIFICATION_LENGTH = 5;
    /** Upstream's test for "the justification contains a URL". */
    private static final Pattern URL = Pattern.compile("https?://[^/. ]+\\.[^ ]");

    private Scoring() {
    }

    public static Score score(Catalogue catalogue, Map<String, Verdict> verdicts) {
        Map<Level, LevelScore> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levels.put(level, scoreLevel(catalogue, level, verdicts));
        }
        int tiered = tiered(levels, Level.of(Series.METAL));
        int baselineTiered = tiered(levels, Level.of(Series.BASELINE));
        String[] metalNames = {"in_progress", "passing", "silver", "gold"};
        String[] baselineNames = {"in_progress", "baseline-1", "baseline-2", "baseline-3"};
        return new Score(levels, tiered, metalNames[tiered / 100], baselineTiered,
                baselineNames[baselineTiered / 100]);
    }

    public static LevelScore scoreLevel(Catalogue catalogue, Level level, Map<String, Verdict> verdicts) {
        List<Criterion> criteria = catalogue.at(level);
        Map<Status, Integer> statusCounts = new EnumMap<>(Status.class);
        List<String> blocking = new ArrayList<>();
        int counted = 0;
        for (Criterion criterion : criteria) {
            Requirement requirement = criterion.at(level).orElseThrow();
            Verdict verdict = verdicts.get(criterion.id());
            Status status = verdict == null ? Status.UNKNOWN : verdict.status();
            statusCounts.merge(status, 1, Integer::sum);
            if (verdict != null && counts(requirement, verdict)) {
                counted++;
            }
            if (status == Status.UNMET && requirement.category() == Category.MUST) {
                blocking.add(criterion.id());
            }
        }
        return new LevelScore(level, criteria.size(), counted, percentage(counted, criteria.size()),
                statusCounts, blocking);
    }

    /** Whether an answer counts toward a level (upstream's criterion_passing or criterion_barely). */
    public static boolean counts(Requirement requirement, Verdict verdict) {
        String justification = verdict.justificationWithEvidence();
        return switch (verdict.status()) {
            case UNKNOWN -> false;
            case MET -> !(requirement.metUrlRequired() && !URL.matcher(justification).find())
                    && !(requirement.metJustificationRequired() && !isEnough(justification));
            case NOT_APPLICABLE -> requirement.naAllowed()
                    && !(requirement.naJustificationRequired() && !isEnough(justification));
            case UNMET -> switch (requirement.category()) {
                case SUGGESTED -> true;
                case SHOULD -> verdict.source() == Verdict.Source.MAINTAINER && isEnough(justification);
                case MUST -> false;
            };
        };
    }

    static boolean isEnough(String justification) {
        return justification != null && justification.length() >= MIN_JUSTIFICATION_LENGTH
                && !justification.startsWith("// ");
    }

    static int percentage(int counted, int total) {
        if (total == 0 || counted >= total) {
            return 100;
        }
        return Math.min(99, (int) Math.round(100.0 * counted / total));
    }

    /** Upstream's tiered percentage: each level counts only once the one below is complete. */
    private static int tiered(Map<Level, LevelScore> levels, List<Level> ladder) {
        int tiered = 0;
        for (int i = 0; i < ladder.size(); i++) {
            int percentage = levels.get(ladder.get(i)).percentage();
            if (percentage < 100) {
                return 100 * i + percentage;
            }
            tiered = 100 * (i + 1);
        }
        return tiered;
    }
}
