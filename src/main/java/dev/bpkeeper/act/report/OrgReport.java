package dev.bpkeeper.act.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every evaluated repository of one account, in one table.
 *
 * @param sort "level" (highest metal level first, the default), "baseline" or "name"
 * @param progress what the installation is doing right now, when known (e.g. "12 of 40 evaluated"); may be null
 */
public record OrgReport(String account, String sort, String progress, List<Row> rows) {

    /** @param tiered 0..300 as bestpractices.dev counts it: what "sorted by level" sorts by */
    public record Row(String repository, String reportUrl, String badgeUrl, String level, int tiered, int passing,
                      int silver, int gold, String baseline, int baselineTiered, String evaluatedAt) {
    }

    public static final List<String> SORTS = List.of("level", "baseline", "name");

    public static OrgReport of(String account, String sort, String progress, List<Row> rows) {
        String chosen = SORTS.contains(sort) ? sort : "level";
        Comparator<Row> byName = Comparator.comparing(r -> r.repository().toLowerCase(Locale.ROOT));
        Comparator<Row> order = switch (chosen) {
            case "name" -> byName;
            case "baseline" -> Comparator.comparingInt(Row::baselineTiered).reversed().thenComparing(byName);
            default -> Comparator.comparingInt(Row::tiered).reversed().thenComparing(byName);
        };
        return new OrgReport(account, chosen, progress, rows.stream().sorted(order).toList());
    }

    /** A row from a stored result: the percentage of each metal level and both badges' texts. */
    public static Row row(String repository, String reportUrl, String badgeUrl, String evaluatedAt,
                          AssessmentView view) {
        return new Row(repository, reportUrl, badgeUrl, view.badge().label(), view.badge().tiered_percentage(),
                percentage(view, "passing"), percentage(view, "silver"), percentage(view, "gold"),
                view.baseline_badge().label(), view.baseline_badge().tiered_percentage(), evaluatedAt);
    }

    private static int percentage(AssessmentView view, String level) {
        return view.levels().stream().filter(l -> l.level().equals(level)).mapToInt(AssessmentView.LevelView::percentage)
                .findFirst().orElse(0);
    }
}
