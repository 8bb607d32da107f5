package dev.bpkeeper.queue;

import jakarta.enterprise.context.ApplicationScoped;
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
}
