package dev.bpkeeper.act.report;

import dev.bpkeeper.criteria.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored evaluation arranged for people: every level with its percentage and the link to answer it on
 * bestpractices.dev, then its criteria grouped by section. The HTML page and the report's JSON both come from it,
 * so they cannot disagree. Built from plain stored data only; links that could carry a script are dropped here
 * (only http and https links survive), whatever the page template does.
 *
 * @param repository "owner/name"
 * @param badges where the page's own badge images are, relative to the site
 */
public record Report(
        String repository,
        String repositoryUrl,
        String commit,
        String commitUrl,
        String evaluatedAt,
        String checkRunUrl,
        String metalBadge,
        String baselineBadge,
        List<LevelSection> levels) {

    public String shortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }

    /** One level: its score, its edit-form link and its criteria by section. */
    public record LevelSection(String level, String title, String series, int percentage, int counted, int total,
                               boolean achieved, Map<String, Integer> statuses, List<String> blocking, String editUrl,
                               List<Section> sections) {
        public int unmet() {
            return statuses.getOrDefault("Unmet", 0);
        }

        /** Criteria answered "?": a person (or more access) must answer them. */
        public int unknown() {
            return statuses.getOrDefault("?", 0);
        }
    }

    public record Section(String name, List<Row> rows) {
    }

    /**
     * One criterion at one level.
     *
     * @param statusClass "met", "unmet", "na" or "unknown", for styling and tests
     * @param next what to do, for anything not Met or N/A; null otherwise
     */
    public record Row(String id, String displayId, String url, String category, boolean counts, String status,
                      String statusClass, String description, String justification, List<Link> evidence,
                      String next, String automation, String source, String confidence) {
    }

    /** @param href null when the evidence is not a web link (a path in the repository, say) */
    public record Link(String label, String href) {
    }

    /** @param badgeId the project's entry on bestpractices.dev: the edit links open its form */
    public static Report of(String repository, String commit, String evaluatedAt, String checkRunUrl,
                            AssessmentView view, Optional<Long> badgeId) {
        String[] parts = repository.split("/", 3);
        // A monorepo's sub-project is stored as "owner/name/services/api"; its repository is the first two parts.
        String repositoryUrl = "https://github.com/" + (parts.length > 2 ? parts[0] + "/" + parts[1] : repository);
        List<LevelSection> levels = new ArrayList<>();
        for (AssessmentView.LevelView level : view.levels()) {
            Level known = Level.fromKey(level.level()).orElseThrow(
                    () -> new IllegalArgumentException("A stored result names an unknown level: " + level.level()));
            Map<String, List<Row>> sections = new LinkedHashMap<>();
            for (AssessmentView.CriterionView criterion : view.criteria()) {
                criterion.levels().stream().filter(r -> r.level().equals(level.level())).findFirst()
                        .ifPresent(requirement -> sections.computeIfAbsent(criterion.section(), s -> new ArrayList<>())
                                .add(row(criterion, requirement)));
            }
            levels.add(new LevelSection(level.level(), title(level.level()), known.series().name().toLowerCase(
                    Locale.ROOT), level.percentage(), level.counted(), level.total(), level.percentage() >= 100,
                    level.statuses(), level.blocking(), ProposalLinks.forLevel(view, repositoryUrl, known, badgeId),
                    sections.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList()));
        }
        return new Report(repository, repositoryUrl, commit, commit == null ? null : repositoryUrl + "/commit/" + commit,
                evaluatedAt, safe(checkRunUrl), view.badge().label(), view.baseline_badge().label(), levels);
    }

    private static Row row(AssessmentView.CriterionView criterion, AssessmentView.RequirementView requirement) {
        String status = criterion.status();
        boolean settled = "Met".equals(status) || "N/A".equals(status);
        return new Row(criterion.id(), criterion.display_id(), safe(criterion.url()), requirement.category(),
                requirement.counts(), status, statusClass(status), criterion.description(), criterion.justification(),
                criterion.evidence().stream().map(e -> new Link(e.label() == null || e.label().isBlank() ? e.link()
                        : e.label(), safe(e.link()))).toList(),
                settled ? null : criterion.remediation(), criterion.automation(), criterion.source(),
                criterion.confidence());
    }

    static String statusClass(String status) {
        return switch (status) {
            case "Met" -> "met";
            case "Unmet" -> "unmet";
            case "N/A" -> "na";
            default -> "unknown";
        };
    }

    private static String title(String level) {
        return switch (level) {
            case "passing" -> "Passing";
            case "silver" -> "Silver";
            case "gold" -> "Gold";
            default -> "OSPS Baseline " + level.substring(level.indexOf('-') + 1);
        };
    }

    /** Only web links become links; anything else (javascript:, data:, a bare path) stays text. */
    static String safe(String link) {
        if (link == null) {
            return null;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? link : null;
    }
}
