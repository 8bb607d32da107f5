package dev.bpkeeper.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the queue the app uses: the in-process one locally (SQS on AWS is plugged in here). */
public class Queues {

    @Produces
    @ApplicationScoped
    JobQueue jobQueue(InProcessJobQueue inProcess) {
        return inProcess;
    }
}
