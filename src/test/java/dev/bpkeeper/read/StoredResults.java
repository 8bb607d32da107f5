package dev.bpkeeper.read;

import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.gather.LocalGatherer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Real results to serve: a small project evaluated by the real assessor, stored as the app stores them. */
final class StoredResults {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private StoredResults() {
    }

    /** A project with a README, a licence and a security policy: some criteria Met, many left for people. */
    static AssessmentView smallProject(Assessor assessor) {
        try {
            Path dir = Files.createTempDirectory("bpkeeper-read");
            Files.writeString(dir.resolve("README.md"), "# Widget\n\nWidget converts files. Install with `make`.\n"
                    + "Report bugs at https://github.com/acme/widget/issues.\n");
            Files.writeString(dir.resolve("LICENSE"), dev.bpkeeper.testing.LicenseTexts.MIT);
            Files.writeString(dir.resolve("SECURITY.md"), "# Security\n\nReport vulnerabilities privately to "
                    + "security@example.org; we answer within 14 days.\n");
            LocalGatherer gatherer = new LocalGatherer(Clock.fixed(T0, ZoneOffset.UTC));
            return AssessmentView.of(assessor.catalogue(), assessor.assess(
                    gatherer.gather(dir, assessor.wantedFiles(), assessor.needs())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredEvaluation stored(String repository, long installationId, boolean privateRepository,
                                   AssessmentView view) {
        return new StoredEvaluation(repository, installationId, "0123456789abcdef0123456789abcdef01234567", T0,
                T0.plusSeconds(3), privateRepository, "https://github.com/" + repository + "/runs/1", view, "", java.util.Optional.empty());
    }

    /** The same view with one criterion's answer replaced (what a hostile or unusual stored text looks like). */
    static AssessmentView withAnswer(AssessmentView view, String id, String status, String justification,
                                     List<AssessmentView.EvidenceView> evidence) {
        List<AssessmentView.CriterionView> criteria = new ArrayList<>();
        for (AssessmentView.CriterionView c : view.criteria()) {
            criteria.add(!c.id().equals(id) ? c : new AssessmentView.CriterionView(c.id(), c.display_id(), c.section(),
                    c.description(), c.url(), c.levels(), status, justification, evidence, c.confidence(),
                    c.automation(), c.evaluator(), c.remediation(), c.source()));
        }
        return new AssessmentView(view.name(), view.commit(), view.observed_at(), view.badge(), view.baseline_badge(),
                view.levels(), criteria);
    }

    static AssessmentView withBadge(AssessmentView view, String level, int tiered) {
        return new AssessmentView(view.name(), view.commit(), view.observed_at(),
                new AssessmentView.Badge(level, tiered, level.equals("in_progress") ? "in progress " + tiered + "%"
                        : level), view.baseline_badge(), view.levels(), view.criteria());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long uniqueInstallation() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }
}
