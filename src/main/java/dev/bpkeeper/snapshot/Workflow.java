package dev.bpkeeper.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A GitHub Actions workflow file, reduced to what evaluators ask about. Parsed by the gatherer so that
 * evaluators never touch YAML.
 *
 * @param triggers event names under {@code on:} (push, pull_request, schedule, ...)
 * @param permissions the top-level {@code permissions:} value rendered as text ("read-all", "contents: read",
 *        "{}" ...), empty when the key is absent
 * @param parseError why the file could not be read as a workflow, empty when it parsed
 */
public record Workflow(
        String path,
        Set<String> triggers,
        Optional<String> permissions,
        List<Job> jobs,
        Optional<String> parseError) {

    public Workflow {
        triggers = Set.copyOf(triggers);
        jobs = List.copyOf(jobs);
    }

    public static Workflow unreadable(String path, String error) {
        return new Workflow(path, Set.of(), Optional.empty(), List.of(), Optional.of(error));
    }

    /** A job and its steps. {@code permissions} as for the workflow. */
    public record Job(String id, Optional<String> permissions, List<Step> steps) {
        public Job {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step: {@code uses} is the action reference (e.g. "github/codeql-action/init@v3"), {@code run} the
     * shell script, {@code with} the inputs rendered as "key: value" lines.
     */
    public record Step(Optional<String> uses, Optional<String> run, String with) {
    }

    public boolean runsOn(String trigger) {
        return triggers.contains(trigger);
    }

    /** Every action reference and script line of the workflow, for keyword searches. */
    public String allStepText() {
        StringBuilder text = new StringBuilder();
        for (Job job : jobs) {
            for (Step step : job.steps()) {
                step.uses().ifPresent(u -> text.append(u).append('\n'));
                step.run().ifPresent(r -> text.append(r).append('\n'));
                text.append(step.with()).append('\n');
            }
        }
        return text.toString();
    }
}
