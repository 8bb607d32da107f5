package dev.bpkeeper.orchestrate;

import dev.bpkeeper.act.checks.CheckRunContent;
import dev.bpkeeper.act.checks.CheckRunPublisher;
import dev.bpkeeper.act.fixup.FixupKeeper;
import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.gather.github.GitHubGatherer;
import dev.bpkeeper.github.GitHubClients;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.Hub4j;
import dev.bpkeeper.github.InstallationClient;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHRepository;

/**
 * The whole story of a job. For a push: take the installation's token, mark the commit "in progress", gather a
 * snapshot, evaluate it, complete the check run with the result, keep the result (the latest per repository
 * when the commit heads the default branch), and bring the fix-up pull request in line with what the default
 * branch lacks. Temporary failures are retried by the queue; a repository that is
 * gone is let go.
 */
@ApplicationScoped
public class Orchestrator implements JobHandler {
    private static final Logger LOG = Logger.getLogger(Orchestrator.class);

    @Inject
    GitHubClients github;

    @Inject
    GitHubGatherer gatherer;

    @Inject
    Assessor assessor;

    @Inject
    CheckRunPublisher checks;

    @Inject
    EvaluationStore store;

    @Inject
    AppSettings settings;

    @Inject
    Clock clock;

    @Inject
    FixupKeeper fixups;

    @Inject
    dev.bpkeeper.github.RateLimitGuard rateLimits;

    @Inject
    dev.bpkeeper.act.store.InstallationStore installations;

    @Override
    public void handle(Job job) {
        try {
            switch (job.kind()) {
                case EVALUATE, OPEN_FIXUP -> evaluate(job);
                case FIXUP_CLOSED -> {
                    InstallationClient client = token(job.installationId());
                    GHRepository repository = Hub4j.call("repository " + job.repository(),
                            () -> client.gitHub().getRepository(job.repository()));
                    LOG.infof("%s: %s", job.describe(), fixups.closed(client, repository, job.pullRequest()));
                }
                case DELETE_REPOSITORY -> store.deleteRepository(job.repository());
                case DELETE_INSTALLATION -> {
                    store.repositoriesOf(job.installationId()).forEach(store::deleteRepository);
                    installations.delete(job.installationId());
                    github.forget(job.installationId());
                }
                case RENAME_REPOSITORY -> {
                    // Links in the old result point at the old name; a fresh evaluation under the new one replaces it.
                    store.deleteRepository(job.repository());
                    evaluate(Job.evaluate(job.installationId(), job.newRepository(), null, null, job.trigger(), 0,
                            job.deliveryId()));
                }
            }
        } catch (GitHubFailure e) {
            if (e.kind() == GitHubFailure.Kind.UNAUTHORIZED) {
                github.forget(job.installationId());
            }
            if (e.isRetryable()) {
                throw new RetryableException(e.getMessage(), e.retryAfter(), e);
            }
            if (e.kind() == GitHubFailure.Kind.NOT_FOUND) {
                LOG.infof("%s: nothing to do, %s", job.describe(), e.getMessage());
                return;
            }
            throw e;
        } catch (StorageException e) {
            throw new RetryableException(e.getMessage(), Duration.ZERO, e);
        }
    }

    private void evaluate(Job job) {
        java.util.Optional<Duration> wait = rateLimits.waitBeforeNextJob(job.installationId());
        if (wait.isPresent()) {
            throw RetryableException.deferred("installation " + job.installationId() + " has spent its rate limit;"
                    + " waiting for the reset", wait.get());
        }
        evaluate(job, token(job.installationId()));
    }

    private void evaluate(Job job, InstallationClient client) {
        String sha = job.commitSha() != null ? job.commitSha() : gatherer.head(client, job.repository()).sha();
        Optional<String> reportUrl = settings.publicUrl().map(u -> u.replaceAll("/+$", "") + "/report/" + job.repository());
        GHRepository repository = Hub4j.call("repository " + job.repository(),
                () -> client.gitHub().getRepository(job.repository()));
        long checkRun = checks.start(repository, sha, job.deliveryId(), job.attempt() > 0, reportUrl);

        GitHubGatherer.Gathered gathered = gatherer.gather(client, repository, sha, assessor.wantedFiles(),
                assessor.needs());
        Assessment assessment = assessor.assess(gathered.snapshot());
        boolean defaultBranchHead = job.pullRequest() == 0 && gathered.onDefaultBranchHead();
        boolean fixupRequested = job.kind() == Job.Kind.OPEN_FIXUP;
        FixupKeeper.Proposal fixup = fixups.propose(assessor.catalogue(), assessment, gathered.snapshot(), path -> true);

        String repositoryUrl = gathered.snapshot().metadata().webUrl().orElse("https://github.com/" + job.repository());
        CheckRunContent content = CheckRunContent.of(assessor.catalogue(), assessment, repositoryUrl, reportUrl);
        boolean offerFixup = defaultBranchHead && !settings.automaticFixups() && !fixupRequested
                && !fixup.files().isEmpty();
        String checkRunUrl = checks.complete(repository, checkRun, content, GHCheckRun.Conclusion.NEUTRAL, offerFixup);
        boolean latest = job.pullRequest() == 0 && (job.commitSha() == null || gathered.onDefaultBranchHead()
                || job.trigger().equals("push"));
        store.save(new StoredEvaluation(gathered.snapshot().name(), job.installationId(), sha,
                gathered.commitTime().or(() -> Optional.ofNullable(job.commitTime())).orElse(clock.instant()),
                clock.instant(), gathered.snapshot().metadata().isPrivate().orElse(true), checkRunUrl,
                AssessmentView.of(assessor.catalogue(), assessment), ""), latest);
        installations.recordSeen(job.installationId(), job.repository().substring(0, job.repository().indexOf('/')));
        LOG.infof("%s: %s", job.describe(), content.title());
        if (defaultBranchHead) {
            LOG.infof("%s: %s", job.describe(), fixups.keep(new FixupKeeper.Target(client, repository,
                    gathered.snapshot().metadata().defaultBranch().orElse(""), sha, gathered.treeSha()), fixup,
                    settings.automaticFixups() || fixupRequested, fixupRequested));
        }
    }

    private InstallationClient token(long installationId) {
        return Hub4j.call("installation token", () -> github.forInstallation(installationId));
    }
}
