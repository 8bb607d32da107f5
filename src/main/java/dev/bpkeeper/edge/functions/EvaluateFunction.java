package dev.bpkeeper.edge.functions;

import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.JobHandler;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One queued job as a function: what the SQS-triggered Lambda runs for each message (a failure makes that one
 * message retry, then go to the dead-letter queue). Locally the in-process queue calls the orchestrator itself,
 * so this entry point stays closed unless bpkeeper.functions.evaluate.enabled is set: an open HTTP route must not
 * start GitHub work for anyone who asks.
 */
public class EvaluateFunction {

    @Inject
    JobHandler orchestrator;

    @ConfigProperty(name = "bpkeeper.functions.evaluate.enabled", defaultValue = "false")
    boolean enabled;

    @Funq("evaluate")
    public void evaluate(Job job) {
        if (!enabled) {
            throw new IllegalStateException("The evaluate function is disabled here; jobs arrive through the queue");
        }
        orchestrator.handle(job);
    }
}
