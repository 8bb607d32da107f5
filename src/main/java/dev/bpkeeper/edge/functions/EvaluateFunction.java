package dev.bpkeeper.edge.functions;

import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.JobHandler;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * One queued job as a function: what the SQS-triggered Lambda runs for each message (a failure makes that one
 * message retry, then go to the dead-letter queue). Locally the in-process queue calls the orchestrator itself,
 * so this entry point stays closed unless bpkeeper.functions.evaluate.enabled is set: an open HTTP route must not
 * start GitHub work for anyone who asks.
 */
public class EvaluateFunction {

    @Inject
    JobHandler orchestrator;

    @Inject
    dev.bpkeeper.orchestrate.AppSettings settings;

    @Funq("evaluate")
    public void evaluate(Job job) {
        if (!settings.evaluateFunctionEnabled()) {
            throw new IllegalStateException("The evaluate function is disabled here; jobs arrive through the queue");
        }
        orchestrator.handle(job);
    }
}
