package dev.bpkeeper.act.checks;

import dev.bpkeeper.github.Hub4j;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHRepository;

/**
 * Posts the check run on a commit: "in progress" when evaluation starts, then the result. A retried job finds the
 * check run its earlier attempt created (same external id) instead of adding a second one.
 */
@ApplicationScoped
public class CheckRunPublisher {
    public static final String NAME = "OpenSSF Best Practices";
    public static final String FIXUP_BUTTON = "Open fix-up PR";

    /** The check run of a project: the repository's own, or "OpenSSF Best Practices (services/api)" for a path. */
    public static String nameFor(String path) {
        return path.isEmpty() ? NAME : NAME + " (" + path + ")";
    }

    @Inject
    Clock clock;

    public long start(GHRepository repo, String sha, String externalId, boolean retry, Optional<String> detailsUrl) {
        return start(repo, sha, NAME, externalId, retry, detailsUrl);
    }

    /**
     * @param name the check run's name (see {@link #nameFor})
     * @param externalId identifies the work (the delivery id), so a retry can find its check run
     * @param retry whether an earlier attempt may already have created it
     */
    public long start(GHRepository repo, String sha, String name, String externalId, boolean retry,
                      Optional<String> detailsUrl) {
        String repository = repo.getFullName();
        if (retry) {
            Optional<GHCheckRun> earlier = Hub4j.call("check runs of " + sha, () -> repo.getCheckRuns(sha,
                    java.util.Map.of("check_name", name)).toList()).stream()
                    .filter(run -> externalId.equals(run.getExternalId())).findFirst();
            if (earlier.isPresent()) {
                return earlier.get().getId();
            }
        }
        GHCheckRunBuilder builder = repo.createCheckRun(name, sha).withStatus(GHCheckRun.Status.IN_PROGRESS)
                .withStartedAt(Date.from(clock.instant())).withExternalID(externalId);
        detailsUrl.ifPresent(builder::withDetailsURL);
        return Hub4j.call("create check run on " + repository, builder::create).getId();
    }

    /**
     * Completes the check run; annotations beyond GitHub's 50 per request go in further updates.
     *
     * @param offerFixup show the button that asks for a fix-up pull request (when they are not opened on their own)
     */
    public String complete(GHRepository repo, long checkRunId, CheckRunContent content,
                           GHCheckRun.Conclusion conclusion, boolean offerFixup) {
        List<CheckRunContent.Annotation> annotations = content.annotations();
        int batch = CheckRunContent.ANNOTATIONS_PER_REQUEST;
        GHCheckRun run = null;
        for (int from = 0; from == 0 || from < annotations.size(); from += batch) {
            GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output(content.title(), content.summary())
                    .withText(content.text());
            for (CheckRunContent.Annotation a : annotations.subList(from, Math.min(annotations.size(), from + batch))) {
                output.add(new GHCheckRunBuilder.Annotation(a.path(), 1,
                        a.level().equals("warning") ? GHCheckRun.AnnotationLevel.WARNING
                                : GHCheckRun.AnnotationLevel.NOTICE, a.message()).withTitle(a.title()));
            }
            GHCheckRunBuilder update = repo.updateCheckRun(checkRunId).add(output);
            if (from == 0) {
                update.withStatus(GHCheckRun.Status.COMPLETED).withConclusion(conclusion)
                        .withCompletedAt(Date.from(clock.instant()));
                if (offerFixup) {
                    // GitHub caps the label at 20 characters and the description at 40.
                    update.add(new GHCheckRunBuilder.Action(FIXUP_BUTTON, "Add the missing files in one PR",
                            dev.bpkeeper.intake.EventRouter.OPEN_FIXUP_ACTION));
                }
            }
            run = Hub4j.call("update check run " + checkRunId, update::create);
        }
        return run == null || run.getHtmlUrl() == null ? null : run.getHtmlUrl().toString();
    }
}
