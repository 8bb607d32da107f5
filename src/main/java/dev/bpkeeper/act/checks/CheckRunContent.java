package dev.bpkeeper.act.checks;

import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.report.ProposalLinks;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.LevelScore;
import dev.bpkeeper.evaluate.Score;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import dev.bpkeeper.policy.BestPracticesConfig;
import dev.bpkeeper.policy.CheckRunMode;
import dev.bpkeeper.policy.Delta;
import dev.bpkeeper.policy.TargetStanding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a completed check run says, within GitHub's limits: a title to read at a glance, a summary table per
 * level, details per criterion, annotations on the files that are evidence, and links to pre-filled answers.
 */
public record CheckRunContent(String title, String summary, String text, List<Annotation> annotations) {
    /** GitHub rejects a summary or text longer than this. */
    public static final int MAX_CHARS = 65_535;
    /** GitHub takes at most this many annotations per request; more are sent in further updates. */
    public static final int ANNOTATIONS_PER_REQUEST = 50;
    static final Map<Status, String> ICON = Map.of(Status.MET, "✅", Status.UNMET, "❌", Status.NOT_APPLICABLE, "➖",
            Status.UNKNOWN, "❔");

    /** An annotation on a file of the evaluated commit. */
    public record Annotation(String path, String level, String title, String message) {
    }

    public static CheckRunContent of(Catalogue catalogue, Assessment assessment, String repositoryUrl,
                                     Optional<String> reportUrl) {
        return of(catalogue, assessment, repositoryUrl, reportUrl, BestPracticesConfig.DEFAULT);
    }

    /** With the project's configuration: its target level, its problems and its maintainers' answers. */
    public static CheckRunContent of(Catalogue catalogue, Assessment assessment, String repositoryUrl,
                                     Optional<String> reportUrl, BestPracticesConfig config) {
        return of(catalogue, assessment, repositoryUrl, reportUrl, config, Optional.empty());
    }

    /** Led by what the change did against its base, when there is one to compare with. */
    public static CheckRunContent of(Catalogue catalogue, Assessment assessment, String repositoryUrl,
                                     Optional<String> reportUrl, BestPracticesConfig config, Optional<Delta> delta) {
        TargetStanding target = TargetStanding.of(catalogue, assessment, config.target());
        String title = config.targetLevel().isPresent() ? targetTitle(target) + " · " + title(assessment.score())
                : title(assessment.score());
        title = delta.map(d -> deltaTitle(catalogue, d) + " · ").orElse("") + title;
        String summary = delta.map(d -> deltaSummary(catalogue, d, config)).orElse("")
                + configuration(catalogue, assessment, config, target)
                + summary(catalogue, assessment, repositoryUrl, reportUrl, config.badgeId());
        return new CheckRunContent(title, limit(summary, reportUrl), limit(details(catalogue, assessment), reportUrl),
                annotations(catalogue, assessment));
    }

    /** How many criteria a title names at most; the summary lists every change. */
    static final int TITLE_NAMES = 6;

    /** "1 newly Met: `vulnerability_report_process`", "2 newly Unmet: `a`, `b` · 1 newly Met: `c`", or "no change". */
    static String deltaTitle(Catalogue catalogue, Delta delta) {
        if (delta.changes().isEmpty()) {
            return "no change in best-practices terms";
        }
        List<String> parts = new ArrayList<>();
        int names = TITLE_NAMES;
        for (Status status : List.of(Status.UNMET, Status.MET, Status.UNKNOWN, Status.NOT_APPLICABLE)) {
            List<String> ids = delta.newly(status);
            if (ids.isEmpty()) {
                continue;
            }
            List<String> shown = ids.subList(0, Math.min(ids.size(), names)).stream().map(id -> "`"
                    + catalogue.find(id).map(Criterion::displayId).orElse(id) + "`").toList();
            names -= shown.size();
            parts.add(ids.size() + " newly " + status.label() + (shown.isEmpty() ? "" : ": " + String.join(", ", shown)
                    + (shown.size() < ids.size() ? " +" + (ids.size() - shown.size()) + " more" : "")));
        }
        delta.movedLevels().stream().limit(2).forEach(level -> parts.add(level.key() + " "
                + delta.before().get(level) + "% → " + delta.after().get(level) + "%"));
        return String.join(" · ", parts);
    }

    /** Each change against the base, then the levels that moved; first in the summary, where people look. */
    static String deltaSummary(Catalogue catalogue, Delta delta, BestPracticesConfig config) {
        StringBuilder md = new StringBuilder("**What this change does** (against `")
                .append(delta.baseCommit(), 0, Math.min(7, delta.baseCommit().length()))
                .append("`, the latest evaluation of the default branch):");
        if (delta.changes().isEmpty()) {
            md.append(" no criterion changed its answer.\n\n");
        } else {
            md.append("\n\n");
            int shown = 0;
            for (Delta.Change change : delta.changes()) {
                if (shown++ == 40) {
                    md.append("- … and ").append(delta.changes().size() - 40).append(" more\n");
                    break;
                }
                md.append("- ").append(ICON.get(change.to())).append(" `")
                        .append(catalogue.find(change.id()).map(Criterion::displayId).orElse(change.id()))
                        .append("`: ").append(change.from().label()).append(" → ").append(change.to().label())
                        .append('\n');
            }
            md.append('\n');
        }
        List<String> moved = delta.movedLevels().stream().map(level -> level.key() + " "
                + delta.before().get(level) + "% → " + delta.after().get(level) + "%").toList();
        if (!moved.isEmpty()) {
            md.append("**Levels:** ").append(String.join(" · ", moved)).append("\n\n");
        }
        if (config.checkRun() == CheckRunMode.GATE_REGRESSIONS) {
            List<String> regressions = delta.regressions(catalogue, config.target());
            md.append(regressions.isEmpty() ? "**Regression gate:** passes (no MUST at or below " + config.target().key()
                    + " newly Unmet)" : "**Regression gate:** fails: newly Unmet MUST at or below "
                    + config.target().key() + ": " + String.join(", ", regressions.stream().map(id -> "`" + id + "`")
                    .toList())).append("\n\n");
        }
        return md.toString();
    }

    /** "target silver 72% · 2 MUST unmet". */
    static String targetTitle(TargetStanding target) {
        return "target " + target.target().key() + " " + target.percentage() + "%"
                + (target.unmetMusts().isEmpty() ? "" : " · " + target.unmetMusts().size() + " MUST unmet");
    }

    /** What the configuration changed and what was wrong in it, first, so that nobody misses a typo. */
    static String configuration(Catalogue catalogue, Assessment assessment, BestPracticesConfig config,
                                TargetStanding target) {
        StringBuilder md = new StringBuilder();
        if (!config.problems().isEmpty()) {
            md.append("**⚠️ Configuration problems** (the defaults apply to what is wrong):\n\n");
            config.problems().forEach(p -> md.append("- ").append(p.describe()).append('\n'));
            md.append('\n');
        }
        if (config.targetLevel().isPresent() || config.checkRun() == CheckRunMode.GATE) {
            md.append("**Target level:** ").append(target.target().key()).append(" — ").append(target.percentage())
                    .append('%');
            if (!target.unmetMusts().isEmpty()) {
                md.append(" · Unmet MUST at or below it: ").append(String.join(", ", target.unmetMusts().stream()
                        .map(id -> "`" + catalogue.find(id).map(Criterion::displayId).orElse(id) + "`").toList()));
            }
            if (config.checkRun() == CheckRunMode.GATE) {
                md.append(target.unmetMusts().isEmpty() ? " · the gate passes"
                        : " · the gate fails until they are met (or declared N/A where allowed)");
            }
            md.append("\n\n");
        }
        long declared = assessment.verdicts().values().stream()
                .filter(v -> v.source() == Verdict.Source.MAINTAINER).count();
        if (declared > 0) {
            md.append("**Declared by maintainers:** ").append(declared).append(declared == 1 ? " answer" : " answers")
                    .append(" in ").append(String.join(", ", config.files().stream().map(f -> "`" + f + "`").toList()))
                    .append(".\n\n");
        }
        return md.toString();
    }

    /** "passing · silver 72%", or "in progress 57% · baseline-1 40%". */
    static String title(Score score) {
        StringBuilder title = new StringBuilder(AssessmentView.metalLabel(score));
        if (score.tieredPercentage() >= 100 && score.tieredPercentage() < 300) {
            Level next = score.tieredPercentage() < 200 ? Level.SILVER : Level.GOLD;
            title.append(" · ").append(next.key()).append(' ').append(score.at(next).percentage()).append('%');
        }
        title.append(" · ").append(score.baselineBadge().equals("in_progress")
                ? "baseline-1 " + score.baseline1Percentage() + "%" : score.baselineBadge());
        return title.toString();
    }

    static String summary(Catalogue catalogue, Assessment assessment, String repositoryUrl, Optional<String> reportUrl,
                          Optional<Long> badgeId) {
        Score score = assessment.score();
        StringBuilder md = new StringBuilder("**OpenSSF Best Practices:** ").append(AssessmentView.metalLabel(score))
                .append(" · **OSPS Baseline:** ").append(AssessmentView.baselineLabel(score)).append("\n\n")
                .append("| Level | Score | ✅ Met | ❌ Unmet | ➖ N/A | ❔ Unknown | Unmet MUST |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Level level : Level.values()) {
            LevelScore s = score.at(level);
            md.append("| ").append(level.key()).append(" | ").append(s.percentage()).append("% | ")
                    .append(s.count(Status.MET)).append(" | ").append(s.count(Status.UNMET)).append(" | ")
                    .append(s.count(Status.NOT_APPLICABLE)).append(" | ").append(s.count(Status.UNKNOWN)).append(" | ")
                    .append(s.blocking().isEmpty() ? "—" : String.join(", ", s.blocking().stream()
                            .map(id -> "`" + catalogue.find(id).map(Criterion::displayId).orElse(id) + "`").toList()))
                    .append(" |\n");
        }
        md.append("\nA percentage counts the answers bestpractices.dev would accept; ❔ Unknown needs a maintainer's"
                + " answer or more access.\n\n**Answer on bestpractices.dev with these proposals pre-filled:** ");
        List<String> links = new ArrayList<>();
        for (Level level : Level.values()) {
            links.add("[" + level.key() + "](" + ProposalLinks.forLevel(catalogue, assessment, repositoryUrl, level,
                    badgeId) + ")");
        }
        md.append(String.join(" · ", links)).append('\n');
        reportUrl.ifPresent(url -> md.append("\nFull report: ").append(url).append('\n'));
        return md.toString();
    }

    static String details(Catalogue catalogue, Assessment assessment) {
        StringBuilder md = new StringBuilder();
        for (Level level : Level.values()) {
            LevelScore s = assessment.score().at(level);
            md.append("### ").append(level.key()).append(" — ").append(s.percentage()).append("%\n\n")
                    .append("| | Criterion | Level | Answer |\n|---|---|---|---|\n");
            for (Criterion criterion : catalogue.at(level)) {
                Verdict verdict = assessment.verdict(criterion.id());
                md.append("| ").append(ICON.get(verdict.status())).append(" | [`").append(criterion.displayId())
                        .append("`](").append(criterion.url()).append(") | ")
                        .append(criterion.at(level).orElseThrow().category()).append(" | ")
                        .append(cell(verdict.justification()));
                for (Evidence evidence : verdict.evidence()) {
                    if (evidence.isUrl()) {
                        md.append(" [").append(cell(evidence.label())).append("](").append(evidence.link()).append(')');
                    }
                }
                if (verdict.source() == Verdict.Source.MAINTAINER) {
                    md.append(" _(declared by maintainers)_");
                } else if (verdict.confidence() == Confidence.PROPOSAL && verdict.status() != Status.UNKNOWN) {
                    md.append(" _(proposal)_");
                }
                md.append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** One annotation per file that is evidence of an Unmet criterion (what to fix) or of a Met one (what counted). */
    static List<Annotation> annotations(Catalogue catalogue, Assessment assessment) {
        List<Annotation> annotations = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            Verdict verdict = assessment.verdict(criterion.id());
            for (Evidence evidence : verdict.evidence()) {
                if (!evidence.path().isEmpty() && verdict.status() != Status.UNKNOWN) {
                    annotations.add(new Annotation(evidence.path(),
                            verdict.status() == Status.UNMET ? "warning" : "notice",
                            criterion.displayId() + ": " + verdict.status().label(),
                            verdict.justification()));
                }
            }
        }
        return annotations;
    }

    /** Markdown table cells cannot hold pipes or newlines. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    static String limit(String markdown, Optional<String> reportUrl) {
        if (markdown.length() <= MAX_CHARS) {
            return markdown;
        }
        String tail = "\n\n… cut to fit GitHub's limit" + reportUrl.map(u -> "; the full report is at " + u).orElse("")
                + ".\n";
        return markdown.substring(0, MAX_CHARS - tail.length()) + tail;
    }
}
