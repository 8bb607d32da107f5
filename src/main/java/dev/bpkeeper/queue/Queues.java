package dev.bpkeeper.queue;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Chooses the queue: in-process (local, the default) or SQS (on AWS), by bpkeeper.queue.kind. */
public class Queues {

    @Produces
    @ApplicationScoped
    JobQueue jobQueue(QueueConfig config, Instance<InProcessJobQueue> inProcess, Instance<SqsJobQueue> sqs) {
        String kind = config.kind();
        return switch (kind) {
            case "in-process" -> inProcess.get();
            case "sqs" -> sqs.get();
            default -> throw new IllegalStateException("bpkeeper.queue.kind must be in-process or sqs, not '" + kind + "'");
        };
    }

    /**
     * At start, the in-process queue runs what the last run left unfinished. Decided here, so that a function on
     * AWS (SQS) or a one-shot command never builds the in-process queue and the job handler behind it.
     */
    void resumeAtStart(@Observes StartupEvent event, QueueConfig config, Instance<InProcessJobQueue> inProcess) {
        if ("in-process".equals(config.kind()) && config.resumeAtStart()) {
            inProcess.get().resumeInBackground();
        }
    }
}
