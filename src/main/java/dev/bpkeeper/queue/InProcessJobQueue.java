package dev.bpkeeper.queue;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.act.store.KeptJobs;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.intake.Job;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The local queue: jobs run on a few worker threads; a retryable failure is tried again with exponential
 * back-off (or after a rate-limit reset), and a job that keeps failing or fails for good goes to the dead
 * letters with its reason. SQS plays this part on AWS.
 * <p>
 * Nothing accepted is lost: the receiver keeps a delivery's jobs with the delivery's record before answering
 * ({@link dev.bpkeeper.act.store.DeliveryLog}), each job is marked finished there once done or dead-lettered, and the next start runs the
 * unfinished ones again. So a crash, a stop with jobs waiting, or a stop that cuts an evaluation short hands the
 * work to the next start: at least once, never lost. A stop waits a little for running evaluations
 * ({@link QueueConfig#stopGrace()}) and does not start waiting ones.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(InProcessJobQueue.class)
public class InProcessJobQueue implements JobQueue {
    private static final Logger LOG = Logger.getLogger(InProcessJobQueue.class);
    /** Before the storage closes (see edge.StorageClosesLast) and anything else that stops. */
    static final int STOPS_FIRST = jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;

    @Inject
    JobHandler handler;

    @Inject
    DeadLetters deadLetters;

    /** Where jobs are kept until finished; null in unit tests of the queue alone. */
    @Inject
    KeptJobs keptJobs;

    @Inject
    QueueConfig config;

    private ScheduledThreadPoolExecutor workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean stopping;
    /** Jobs scheduled and not started: told at a stop (kept for the next start, or dead-lettered if not kept). */
    private final Set<Queued> waiting = ConcurrentHashMap.newKeySet();
    /** Dead letters storage refused so far, with their reasons; tried again until stored or the app stops. */
    private final Map<Queued, String> undelivered = new ConcurrentHashMap<>();
    /** The job a worker thread runs, so that the jobs it queues (an installation's listing) belong to it. */
    private static final ThreadLocal<Kept> RUNNING = new ThreadLocal<>();

    /**
     * A job's record in the delivery log; finished once the job and every job it queued have finished.
     * {@code null} for a job nobody kept.
     */
    static final class Kept {
        final String deliveryId;
        final int position;
        private final AtomicInteger open = new AtomicInteger(1);

        Kept(String deliveryId, int position) {
            this.deliveryId = deliveryId;
            this.position = position;
        }
    }

    /** A job as it waits in this queue, with its record. */
    private record Queued(Job job, Kept kept) {
        Queued retried(Job next) {
            return new Queued(next, kept);
        }
    }

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = new ScheduledThreadPoolExecutor(config.workers(), r -> {
            Thread t = new Thread(r, "job-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // A stop does not start what waits (it is kept for the next start); it only lets running jobs end.
        workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        workers.setRemoveOnCancelPolicy(true);
    }

    /**
     * Queues jobs. Those of a delivery were kept with it by the receiver, at their positions in {@code jobs}; those
     * a running job queues (the evaluations an installation's listing finds) belong to that job's record, which
     * stays unfinished until they finish, so that a restart lists and queues them again.
     */
    @Override
    public void submit(List<Job> jobs) {
        Kept parent = RUNNING.get();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            Kept kept;
            if (parent != null) {
                parent.open.incrementAndGet();
                kept = parent;
            } else {
                kept = keptJobs == null || job.deliveryId() == null ? null : new Kept(job.deliveryId(), i);
            }
            if (stopping && kept != null) {
                // Kept with its delivery (or under the job that queued it): the next start runs it.
                LOG.infof("%s arrived while stopping; kept for the next start", job.describe());
                continue;
            }
            schedule(new Queued(job, kept), Duration.ZERO);
        }
    }

    @Override
    public boolean keepsJobsAcrossRestarts() {
        return false;
    }

    /** Jobs accepted and not yet finished (done or dead-lettered). */
    public int pending() {
        return pending.get();
    }

    private void schedule(Queued queued, Duration delay) {
        pending.incrementAndGet();
        waiting.add(queued);
        try {
            workers.schedule(() -> run(queued), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiting.remove(queued);
            pending.decrementAndGet();
            throw new QueueUnavailableException("the queue is shutting down", e);
        }
    }

    private void run(Queued queued) {
        waiting.remove(queued);
        Job job = queued.job();
        RUNNING.set(queued.kept());
        try {
            handler.handle(job);
            finished(queued);
        } catch (RuntimeException e) {
            Retries.Next next = Retries.after(job, e, config);
            if (next instanceof Retries.Later later) {
                Retries.logLater(LOG, job, later);
                retry(queued.retried(later.job()), later.delay());
            } else if (next instanceof Retries.GiveUp giveUp) {
                if (!(e instanceof JobHandler.RetryableException)) {
                    LOG.errorf(e, "%s failed for good", job.describe());
                }
                deadLetter(queued, giveUp.reason());
            }
        } finally {
            RUNNING.remove();
            pending.decrementAndGet();
        }
    }

    private void retry(Queued queued, Duration delay) {
        try {
            schedule(queued, delay);
        } catch (QueueUnavailableException stopping) {
            LOG.infof("%s not retried before the stop; %s", queued.job().describe(), queued.kept() != null
                    ? "kept for the next start" : "LOST: nobody kept it");
        }
    }

    /** The job ended (done, or its dead letter stored): its record is finished once its own jobs are too. */
    private void finished(Queued queued) {
        Kept kept = queued.kept();
        if (kept == null || kept.open.decrementAndGet() > 0) {
            return;
        }
        try {
            keptJobs.finished(kept.deliveryId, kept.position);
        } catch (StorageException e) {
            // It ran; the worst that happens is that the next start runs it again (evaluations are idempotent).
            LOG.warnf("%s finished, but could not be marked so; a restart would run it again: %s",
                    queued.job().describe(), e.getMessage());
        }
    }

    /** Gives the job up: its dead letter is stored (now, or once storage is back), and the handler is told once. */
    private void deadLetter(Queued queued, String reason) {
        storeDeadLetter(queued, reason);
        Retries.tellGaveUp(handler, queued.job(), LOG);
    }

    private void storeDeadLetter(Queued queued, String reason) {
        Job job = queued.job();
        try {
            deadLetters.record(job, reason);
            undelivered.remove(queued);
            LOG.errorf("Dead-lettered %s: %s", job.describe(), reason);
            finished(queued);
        } catch (RuntimeException e) {
            // Storage is down, most likely the very failure that exhausted the job: keep the dead letter and try
            // again, rather than lose the job while storage is away.
            if (tryAgainLater(queued, reason)) {
                LOG.errorf("%s could not be dead-lettered yet (%s: %s); trying again in %s", job.describe(), reason,
                        e.getMessage(), config.maxBackoff());
            } else if (queued.kept() != null) {
                undelivered.remove(queued);
                LOG.errorf("%s could not be dead-lettered before the stop (%s: %s); kept for the next start",
                        job.describe(), reason, e.getMessage());
            } else {
                undelivered.remove(queued);
                // Last resort: the log line is the record.
                LOG.errorf("LOST %s (%s); dead letter not stored: %s", job.describe(), reason, e.getMessage());
            }
        }
    }

    private boolean tryAgainLater(Queued queued, String reason) {
        if (workers.isShutdown()) {
            return false;
        }
        undelivered.put(queued, reason);
        pending.incrementAndGet();
        try {
            workers.schedule(() -> {
                try {
                    storeDeadLetter(queued, reason);
                } finally {
                    pending.decrementAndGet();
                }
            }, config.maxBackoff().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            pending.decrementAndGet();
            return false;
        }
    }

    /**
     * Runs the jobs an earlier run accepted and did not finish (a crash, a stop), at start ({@link Queues}). In the
     * background: HTTP opens meanwhile, and the reading waits for the tables like any storage call.
     */
    void resumeInBackground() {
        if (keptJobs == null) {
            return;
        }
        Thread resumer = new Thread(this::resume, "resume-jobs");
        resumer.setDaemon(true);
        resumer.start();
    }

    void resume() {
        List<KeptJobs.KeptJob> unfinished;
        try {
            unfinished = keptJobs.unfinished();
        } catch (StorageException e) {
            LOG.errorf("The jobs left unfinished by the last run could not be read; they are kept and run at the"
                    + " next start: %s", e.getMessage());
            return;
        }
        if (unfinished.isEmpty()) {
            return;
        }
        LOG.infof("Resuming %d job(s) accepted before the last stop and not finished", unfinished.size());
        for (KeptJobs.KeptJob kept : unfinished) {
            try {
                schedule(new Queued(kept.job(), new Kept(kept.deliveryId(), kept.position())), Duration.ZERO);
            } catch (QueueUnavailableException stopping) {
                return; // stopping again already: still kept
            }
        }
    }

    /**
     * Stops taking work, lets running jobs end within the grace period, and leaves the rest to the next start
     * (they are kept with their deliveries). Runs before the storage closes. A job nobody kept (none, when the
     * delivery log is there) is dead-lettered as before.
     */
    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(STOPS_FIRST) ShutdownEvent event) {
        stopping = true;
        workers.shutdown();
        boolean ended;
        try {
            ended = workers.awaitTermination(config.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            workers.shutdownNow();
            LOG.infof("Evaluations still running after %s are handed back: the next start runs them again",
                    config.stopGrace());
        }
        long kept = waiting.stream().filter(q -> q.kept() != null).count();
        if (kept > 0) {
            LOG.infof("%d waiting job(s) kept for the next start", kept);
        }
        for (Queued queued : List.copyOf(waiting)) {
            if (queued.kept() == null) {
                deadLetter(queued, "the app stopped before this job ran");
            }
        }
        undelivered.forEach(this::storeDeadLetter);
    }
}
