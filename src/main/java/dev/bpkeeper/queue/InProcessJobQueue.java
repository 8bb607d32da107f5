package dev.bpkeeper.queue;

import dev.bpkeeper.act.store.DeadLetters;
import dev.bpkeeper.intake.Job;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The local queue: jobs run on a few worker threads; a retryable failure is tried again with exponential
 * back-off (or after a rate-limit reset), and a job that keeps failing or fails for good goes to the dead
 * letters with its reason. SQS plays this part on AWS.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(InProcessJobQueue.class)
public class InProcessJobQueue implements JobQueue {
    private static final Logger LOG = Logger.getLogger(InProcessJobQueue.class);

    @Inject
    JobHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Inject
    QueueConfig config;

    private ScheduledExecutorService workers;
    private final AtomicInteger pending = new AtomicInteger();
    /** Jobs scheduled and not started, so that a shutdown can dead-letter them instead of dropping them. */
    private final java.util.Set<Job> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Dead letters storage refused so far, with their reasons; tried again until stored or the app stops. */
    private final java.util.Map<Job, String> undelivered = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newScheduledThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "job-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void submit(List<Job> jobs) {
        for (Job job : jobs) {
            schedule(job, Duration.ZERO);
        }
    }

    /** Jobs accepted and not yet finished (done or dead-lettered). */
    public int pending() {
        return pending.get();
    }

    private void schedule(Job job, Duration delay) {
        pending.incrementAndGet();
        waiting.add(job);
        try {
            workers.schedule(() -> run(job), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiting.remove(job);
            pending.decrementAndGet();
            throw new QueueUnavailableException("the queue is shutting down", e);
        }
    }

    private void run(Job job) {
        waiting.remove(job);
        try {
            handler.handle(job);
        } catch (RuntimeException e) {
            Retries.Next next = Retries.after(job, e, config);
            if (next instanceof Retries.Later later) {
                Retries.logLater(LOG, job, later);
                schedule(later.job(), later.delay());
            } else if (next instanceof Retries.GiveUp giveUp) {
                if (!(e instanceof JobHandler.RetryableException)) {
                    LOG.errorf(e, "%s failed for good", job.describe());
                }
                deadLetter(job, giveUp.reason());
            }
        } finally {
            pending.decrementAndGet();
        }
    }

    /** Gives the job up: its dead letter is stored (now, or once storage is back), and the handler is told once. */
    private void deadLetter(Job job, String reason) {
        storeDeadLetter(job, reason);
        Retries.tellGaveUp(handler, job, LOG);
    }

    private void storeDeadLetter(Job job, String reason) {
        try {
            deadLetters.record(job, reason);
            undelivered.remove(job);
            LOG.errorf("Dead-lettered %s: %s", job.describe(), reason);
        } catch (RuntimeException e) {
            // Storage is down, most likely the very failure that exhausted the job: keep the dead letter and try
            // again, rather than lose the job while storage is away.
            if (tryAgainLater(job, reason)) {
                LOG.errorf("%s could not be dead-lettered yet (%s: %s); trying again in %s", job.describe(), reason,
                        e.getMessage(), config.maxBackoff());
            } else {
                undelivered.remove(job);
                // Last resort: the log line is the record.
                LOG.errorf("LOST %s (%s); dead letter not stored: %s", job.describe(), reason, e.getMessage());
            }
        }
    }

    private boolean tryAgainLater(Job job, String reason) {
        if (workers.isShutdown()) {
            return false;
        }
        undelivered.put(job, reason);
        pending.incrementAndGet();
        try {
            workers.schedule(() -> {
                try {
                    storeDeadLetter(job, reason);
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

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
        for (Job job : List.copyOf(waiting)) {
            deadLetter(job, "the app stopped before this job ran");
        }
        undelivered.forEach(this::storeDeadLetter);
    }
}
