package dev.bpkeeper.act.store;

import dev.bpkeeper.act.report.AssessmentView;
import java.time.Instant;
import java.util.Optional;

/**
 * One evaluation as kept: which commit, when, for which installation, and the full result.
 *
 * @param repository "owner/name" as GitHub spells it
 * @param commitTime when the evaluated commit was made (shown; the latest is ordered by when a commit was seen
 *        heading the default branch, see EvaluationStore)
 * @param privateRepository private results are never served publicly
 * @param etag a strong validator of the stored result, for HTTP caching
 * @param badgeId the project's entry on bestpractices.dev, when its configuration names it (report edit links)
 */
public record StoredEvaluation(
        String repository,
        long installationId,
        String commitSha,
        Instant commitTime,
        Instant evaluatedAt,
        boolean privateRepository,
        String checkRunUrl,
        AssessmentView view,
        String etag,
        Optional<Long> badgeId) {
}
