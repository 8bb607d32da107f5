package dev.bpkeeper.act.report;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.LevelScore;
import dev.bpkeeper.evaluate.Score;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import java.util.Map;

/** A readable terminal report: one table per level, then a summary line. */
public final class TextReport {
    private static final Map<Status, String> MARK = Map.of(Status.MET, "✔ Met  ", Status.UNMET, "✘ Unmet",
            Status.NOT_APPLICABLE, "– N/A  ", Status.UNKNOWN, "? ?    ");

    private TextReport() {
    }

    public static String render(Catalogue catalogue, Assessment assessment) {
        StringBuilder out = new StringBuilder();
        out.append("OpenSSF Best Practices: ").append(assessment.name())
                .append(assessment.commitSha().map(s -> " @ " + s.substring(0, Math.min(12, s.length()))).orElse(""))
                .append('\n');
        out.append("Legend: ✔ Met  ✘ Unmet  – N/A  ? Unknown (needs a person or more access);")
                .append(" (proposal) = a maintainer should confirm\n");
        Score score = assessment.score();
        int width = catalogue.all().stream().mapToInt(c -> c.displayId().length()).max().orElse(20);
        for (Level level : Level.values()) {
            LevelScore s = score.at(level);
            out.append('\n').append(level.key().toUpperCase(java.util.Locale.ROOT)).append("  ")
                    .append(s.percentage()).append("% (").append(s.counted()).append(" of ").append(s.total())
                    .append(" count)  Met ").append(s.count(Status.MET)).append(" · Unmet ")
                    .append(s.count(Status.UNMET)).append(" · N/A ").append(s.count(Status.NOT_APPLICABLE))
                    .append(" · ? ").append(s.count(Status.UNKNOWN)).append('\n');
            for (Criterion criterion : catalogue.at(level)) {
                Verdict verdict = assessment.verdict(criterion.id());
                String category = criterion.at(level).orElseThrow().category().name();
                out.append("  ").append(MARK.get(verdict.status())).append("  ")
                        .append(String.format("%-9s %-" + width + "s  ", category, criterion.displayId()))
                        .append(verdict.justificationWithEvidence())
                        .append(verdict.confidence() == Confidence.PROPOSAL && verdict.status() != Status.UNKNOWN
                                ? " (proposal)" : "")
                        .append('\n');
            }
        }
        out.append('\n').append(summary(score)).append('\n');
        return out.toString();
    }

    /** One line: both badges and every level's percentage. */
    public static String summary(Score score) {
        StringBuilder line = new StringBuilder("Badge: ").append(AssessmentView.metalLabel(score))
                .append(" · Baseline: ").append(AssessmentView.baselineLabel(score)).append(" · ");
        for (Level level : Level.values()) {
            line.append(level.key()).append(' ').append(score.at(level).percentage()).append("% ");
        }
        return line.toString().strip();
    }
}
