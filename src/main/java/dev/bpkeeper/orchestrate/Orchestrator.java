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
import dev.bpkeeper.gather.ConfigReader;
import dev.bpkeeper.gather.github.GitHubGatherer;
import dev.bpkeeper.github.GitHubClients;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.Hub4j;
import dev.bpkeeper.github.InstallationClient;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.policy.BestPracticesConfig;
import dev.bpkeeper.policy.CheckRunMode;
import dev.bpkeeper.policy.Delta;
import dev.bpkeeper.policy.TargetStanding;
import dev.bpkeeper.queue.JobHandler;
import dev.bpkeeper.queue.JobQueue;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHRepository;

/**
 * The whole story of a job. For a push: take the installation's token, gather a snapshot (with the repository's
 * and the organisation's configuration in it), then for each project it configures (the repository, or the paths
 * of a monorepo): evaluate it with the maintainers' declared answers, post its check run (neutral, a gate, or none
 * at all), and keep the result (the latest per project when the commit heads the default branch). On the default
 * branch head, bring the fix-up pull request in line with what the repository lacks. Temporary failures are
 * retried by the queue; a repository that is gone is let go.
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

    /** Where the evaluations of an installation listed through the API go (the job's own queue). */
    @Inject
    JobQueue queue;

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
                case DELETE_REPOSITORY -> forget(job);
                case DELETE_INSTALLATION -> {
                    store.repositoriesOf(job.installationId()).forEach(store::deleteRepository);
                    installations.delete(job.installationId());
                    github.forget(job.installationId());
                }
                case EVALUATE_INSTALLATION -> evaluateInstallation(job);
                case RENAME_REPOSITORY -> {
                    // Links in the old result point at the old name; a fresh evaluation under the new one replaces it.
                    forget(job);
                    evaluate(Job.evaluate(job.installationId(), job.newRepository(), null, null, job.trigger(), 0,
                            job.deliveryId()));
                }
            }
        } catch (GitHubFailure e) {
            if (e.kind() == GitHubFailure.Kind.UNAUTHORIZED) {
                github.forget(job.installationId());
            }
            if (e.kind() == GitHubFailure.Kind.RATE_LIMITED) {
                // Waiting for GitHub's reset is not a failure of the job: it keeps its tries.
                throw RetryableException.deferred(e.getMessage(), e.retryAfter());
            }
            if (e.isRetryable()) {
                throw new RetryableException(e.getMessage(), e.retryAfter(), e);
            }
            if (e.kind() == GitHubFailure.Kind.NOT_FOUND) {
                LOG.infof("%s: nothing to do, %s", job.describe(), e.getMessage());
                countTowardsInstallation(job, false);
                return;
            }
            throw e;
        } catch (StorageException e) {
            throw new RetryableException(e.getMessage(), Duration.ZERO, e);
        }
    }

    private void evaluate(Job job) {
        if (alreadyLatest(job)) {
            LOG.infof("%s: this commit's evaluation is already the latest; nothing changed", job.describe());
            return;
        }
        java.util.Optional<Duration> wait = rateLimits.waitBeforeNextJob(job.installationId());
        if (wait.isPresent()) {
            throw RetryableException.deferred("installation " + job.installationId() + " has spent its rate limit;"
                    + " waiting for the reset", wait.get());
        }
        evaluate(job, token(job.installationId()));
        countTowardsInstallation(job, false);
    }

    /**
     * Lists the installation's repositories and queues one evaluation each, followed as a burst like those of an
     * installation's creation. Run again (a retry), it lists again and starts the burst over: evaluations are
     * idempotent, and the count restarts with them.
     */
    private void evaluateInstallation(Job job) {
        List<String> repositories = gatherer.installationRepositories(token(job.installationId()));
        if (repositories.isEmpty()) {
            LOG.infof("%s: the installation covers no repository", job.describe());
            return;
        }
        String first = repositories.get(0);
        installations.startBurst(job.installationId(), first.substring(0, Math.max(0, first.indexOf('/'))),
                repositories.size(), job.deliveryId());
        LOG.infof("installation %d: 0/%d evaluated, starting", job.installationId(), repositories.size());
        try {
            queue.submit(repositories.stream().map(repository -> Job.evaluate(job.installationId(), repository,
                    null, null, job.trigger(), 0, job.deliveryId())).toList());
        } catch (JobQueue.QueueUnavailableException e) {
            throw new RetryableException(e.getMessage(), Duration.ZERO, e);
        }
    }

    /** A repository of an installation's burst that could not be evaluated still ends its part of the burst. */
    @Override
    public void gaveUp(Job job) {
        countTowardsInstallation(job, true);
    }

    /**
     * A push of the commit whose evaluation is already the latest (a re-sent or repeated push): its check run,
     * stored result and fix-up pull request are all done, so it costs no GitHub request. Retries are never
     * skipped: the first try may have stopped after storing and before the fix-up.
     */
    private boolean alreadyLatest(Job job) {
        if (job.kind() != Job.Kind.EVALUATE || job.attempt() > 0 || !"push".equals(job.trigger())
                || job.pullRequest() != 0 || job.commitSha() == null) {
            return false;
        }
        try {
            return store.latestCommit(job.repository()).filter(job.commitSha()::equals).isPresent();
        } catch (StorageException e) {
            // Only a saving: without storage the evaluation goes ahead, and its own save is retried.
            return false;
        }
    }

    /** One more repository of an installation's burst is done: counted, and logged every twentieth of the way. */
    private void countTowardsInstallation(Job job, boolean failed) {
        if (!job.inInstallationBurst()) {
            return;
        }
        installations.countEvaluated(job.installationId(), job.deliveryId(), failed).ifPresent(progress -> {
            int step = Math.max(1, progress.total() / 20);
            if (progress.done() || (!failed && progress.evaluated() % step == 0)) {
                Duration elapsed = Duration.between(progress.started(), progress.finished().orElse(clock.instant()));
                LOG.infof("installation %d: %d/%d evaluated in %ds%s%s", job.installationId(), progress.evaluated(),
                        progress.total(), elapsed.toSeconds(),
                        progress.failed() > 0 ? ", " + progress.failed() + " failed" : "",
                        progress.done() ? ", done" : "");
            }
        });
    }

    private void evaluate(Job job, InstallationClient client) {
        String sha = job.commitSha() != null ? job.commitSha() : gatherer.head(client, job.repository()).sha();
        // Gathered before any check run: only the configuration in the snapshot says whether to post one.
        GitHubGatherer.Gathered gathered = gatherer.gather(client, job.repository(), sha, assessor.wantedFiles(),
                assessor.needs());
        GHRepository repository = gathered.repository();
        RepositorySnapshot root = gathered.snapshot();
        BestPracticesConfig config = ConfigReader.read(assessor.catalogue(), root);
        List<String> projects = new ArrayList<>();
        for (String path : config.paths()) {
            if (path.isEmpty()) {
                evaluateProject(job, client, repository, gathered, path, root, config);
                projects.add(root.name());
            } else {
                RepositorySnapshot project = gatherer.gatherProject(client, root, path, assessor.wantedFiles());
                evaluateProject(job, client, repository, gathered, path, project,
                        ConfigReader.read(assessor.catalogue(), root, project));
                projects.add(project.name());
            }
        }
        if (job.pullRequest() == 0 && gathered.onDefaultBranchHead()) {
            // A path taken out of the configuration (or the root, once paths are set) is no longer a project: its
            // badge and pages stop showing a result that will never be updated again.
            List<String> retired = store.retireOthers(job.repository(), job.installationId(), projects,
                    gathered.headSeenAt());
            if (!retired.isEmpty()) {
                LOG.infof("%s: no longer evaluated, results retired: %s", job.describe(), String.join(", ", retired));
            }
        }
        installations.recordSeen(job.installationId(), job.repository().substring(0, job.repository().indexOf('/')));
    }

    /**
     * One project (the repository, or one of its paths): assess, post its check run unless it is off, store it,
     * and for the repository itself keep its fix-up pull request in step.
     */
    private void evaluateProject(Job job, InstallationClient client, GHRepository repository,
                                 GitHubGatherer.Gathered gathered, String path, RepositorySnapshot project,
                                 BestPracticesConfig config) {
        Assessment assessment = assessor.assess(project, config.maintainerVerdicts());
        Optional<String> reportUrl = settings.publicUrl()
                .map(u -> u.replaceAll("/+$", "") + "/report/" + project.name());
        String repositoryUrl = project.metadata().webUrl().orElse("https://github.com/" + job.repository());
        String sha = project.commitSha().value();
        Optional<Delta> delta = job.pullRequest() != 0 || config.checkRun() == CheckRunMode.GATE_REGRESSIONS
                ? deltaFromLatest(project.name(), sha, assessment) : Optional.empty();
        CheckRunContent content = CheckRunContent.of(assessor.catalogue(), assessment, repositoryUrl, reportUrl,
                config, delta);
        boolean requested = job.kind() == Job.Kind.OPEN_FIXUP;
        boolean automatic = settings.automaticFixups() && config.fixupPullRequests().enabled();
        Optional<FixupKeeper.Proposal> fixup = path.isEmpty() && job.pullRequest() == 0
                && gathered.onDefaultBranchHead()
                ? Optional.of(fixups.propose(assessor.catalogue(), assessment, project, config.fixupPullRequests()
                        ::mayAdd))
                : Optional.empty();
        String checkRunUrl = null;
        if (config.checkRun() != CheckRunMode.OFF) {
            long checkRun = checks.start(repository, sha, CheckRunPublisher.nameFor(path), job.deliveryId(),
                    job.attempt() > 0, reportUrl);
            TargetStanding.Conclusion conclusion = config.checkRun() == CheckRunMode.GATE_REGRESSIONS
                    ? delta.map(d -> d.gate(assessor.catalogue(), config.target()))
                            .orElse(TargetStanding.Conclusion.SUCCESS)
                    : TargetStanding.of(assessor.catalogue(), assessment, config.target()).conclusion(config.checkRun());
            boolean offerFixup = !automatic && !requested && fixup.map(f -> !f.files().isEmpty()).orElse(false);
            checkRunUrl = checks.complete(repository, checkRun, content,
                    GHCheckRun.Conclusion.valueOf(conclusion.name()), offerFixup);
        }
        // Only a commit seen heading the default branch may become the latest, ordered by when it was seen: a push
        // whose evaluation finishes after a newer push's (or that arrives after the branch moved on) stays history.
        boolean latest = job.pullRequest() == 0 && gathered.onDefaultBranchHead();
        store.save(new StoredEvaluation(project.name(), job.installationId(), sha,
                gathered.commitTime().or(() -> Optional.ofNullable(job.commitTime())).orElse(clock.instant()),
                clock.instant(), project.metadata().isPrivate().orElse(true), checkRunUrl,
                AssessmentView.of(assessor.catalogue(), assessment), "", config.badgeId()),
                latest ? Optional.of(gathered.headSeenAt()) : Optional.empty());
        LOG.infof("%s%s: %s", job.describe(), path.isEmpty() ? "" : " (" + path + ")", content.title());
        // The fix-up pull request follows the default branch head of the repository itself (not of its paths):
        // it adds community files where GitHub looks for them, at the root.
        fixup.ifPresent(proposal -> LOG.infof("%s: %s", job.describe(), fixups.keep(new FixupKeeper.Target(client,
                repository, project.metadata().defaultBranch().orElse(""), sha, gathered.treeSha()), proposal,
                automatic || requested, requested)));
    }

    /**
     * What this commit changes against the latest evaluation of the project's default branch (for a push, the
     * previous latest): nothing to compare with when none is stored yet, or when it is this very commit.
     */
    private Optional<Delta> deltaFromLatest(String project, String sha, Assessment assessment) {
        try {
            return store.latest(project).filter(base -> !base.commitSha().equals(sha)).map(base -> Delta.between(
                    assessor.catalogue(), base.commitSha(), AssessmentView.statuses(base.view()),
                    AssessmentView.percentages(base.view()), assessment));
        } catch (StorageException e) {
            // The comparison is a help, not the job: without storage the check run shows the full result alone.
            LOG.warnf("%s: no comparison with the base (%s)", project, e.getMessage());
            return Optional.empty();
        }
    }

    /** The repository's results and those of its paths ("owner/name/services/api"). */
    private void forget(Job job) {
        String repository = job.repository().toLowerCase(java.util.Locale.ROOT);
        store.deleteRepository(job.repository());
        store.repositoriesOf(job.installationId()).stream().filter(r -> r.startsWith(repository + "/"))
                .forEach(store::deleteRepository);
    }

    private InstallationClient token(long installationId) {
        return Hub4j.call("installation token", () -> github.forInstallation(installationId));
    }
}
