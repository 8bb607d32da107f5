package dev.bpkeeper.act.report;

import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Links that open bestpractices.dev's edit form for one section with our answers filled in (upstream's
 * "automation proposals"); the maintainer reviews and saves. Only Met and N/A answers are proposed: they are the
 * ones that count, and an Unmet needs a maintainer's own words (so a maintainer's declared Unmet is proposed too).
 * When the configuration names the project's entry, the link opens that entry's form; otherwise bestpractices.dev
 * finds the entry by the repository's URL.
 */
public final class ProposalLinks {
    static final String BASE = "https://www.bestpractices.dev/en/projects?as=edit&url=";
    static final String PROJECTS = "https://www.bestpractices.dev/en/projects/";
    /** Browsers and GitHub's Markdown handle long links, but a check run's text is limited; keep each one small. */
    static final int MAX_JUSTIFICATION = 160;

    private ProposalLinks() {
    }

    public static String forLevel(Catalogue catalogue, Assessment assessment, String repositoryUrl, Level level) {
        return forLevel(catalogue, assessment, repositoryUrl, level, Optional.empty());
    }

    /** @param badgeId the project's id on bestpractices.dev, when the configuration names it */
    public static String forLevel(Catalogue catalogue, Assessment assessment, String repositoryUrl, Level level,
                                  Optional<Long> badgeId) {
        List<Answer> answers = new ArrayList<>();
        for (Criterion criterion : catalogue.at(level)) {
            Verdict verdict = assessment.verdict(criterion.id());
            answers.add(new Answer(criterion.id(), criterion.automation() == Automation.COMPUTED, verdict.status(),
                    verdict.source() == Verdict.Source.MAINTAINER, verdict.justification(),
                    verdict.evidence().stream().filter(e -> e.isUrl()).map(e -> e.link()).findFirst().orElse("")));
        }
        return link(answers, repositoryUrl, level, badgeId);
    }

    /** The same link from a stored result (the report page), which keeps every verdict as plain data. */
    public static String forLevel(AssessmentView view, String repositoryUrl, Level level, Optional<Long> badgeId) {
        List<Answer> answers = new ArrayList<>();
        for (AssessmentView.CriterionView criterion : view.criteria()) {
            if (criterion.levels().stream().noneMatch(r -> r.level().equals(level.key()))) {
                continue;
            }
            answers.add(new Answer(criterion.id(), "computed".equals(criterion.automation()),
                    Status.fromLabel(criterion.status()), "maintainer".equals(criterion.source()),
                    criterion.justification() == null ? "" : criterion.justification(), criterion.evidence().stream().map(e -> e.link())
                            .filter(l -> l != null && (l.startsWith("https://") || l.startsWith("http://")))
                            .findFirst().orElse("")));
        }
        return link(answers, repositoryUrl, level, badgeId);
    }

    /** One criterion's answer, as much of it as the link needs. */
    private record Answer(String id, boolean computed, Status status, boolean byMaintainer, String justification,
                          String link) {
    }

    private static String link(List<Answer> answers, String repositoryUrl, Level level, Optional<Long> badgeId) {
        StringBuilder url = badgeId.isPresent()
                ? new StringBuilder(PROJECTS).append(badgeId.get()).append('/').append(level.key()).append("/edit?")
                : new StringBuilder(BASE).append(encode(repositoryUrl)).append("&section=").append(level.key());
        boolean first = badgeId.isPresent();
        for (Answer answer : answers) {
            if (answer.computed() || answer.status() != Status.MET && answer.status() != Status.NOT_APPLICABLE
                    && !(answer.status() == Status.UNMET && answer.byMaintainer())) {
                continue;
            }
            url.append(first ? "" : "&").append(answer.id()).append("_status=")
                    .append(encode(answer.status().label())).append('&').append(answer.id()).append("_justification=")
                    .append(encode(shortJustification(answer.justification(), answer.link())));
            first = false;
        }
        return url.toString();
    }

    /** The evidence link is kept whole (a criterion may need a URL to count); the prose is shortened. */
    static String shortJustification(Verdict verdict) {
        return shortJustification(verdict.justification(),
                verdict.evidence().stream().filter(e -> e.isUrl()).map(e -> e.link()).findFirst().orElse(""));
    }

    private static String shortJustification(String justification, String link) {
        int room = Math.max(20, MAX_JUSTIFICATION - link.length() - 1);
        String prose = justification;
        if (prose.length() > room) {
            prose = prose.substring(0, room - 1) + "…";
        }
        return link.isEmpty() ? prose : prose + " " + link;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
