package dev.bpkeeper.gather;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a GitHub Actions workflow file into the few facts evaluators ask about. */
public final class WorkflowParser {
    private static final YAMLMapper YAML = new YAMLMapper();

    private WorkflowParser() {
    }

    public static Workflow parse(String path, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (Exception e) {
            return Workflow.unreadable(path, "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return Workflow.unreadable(path, "not a workflow (no mapping at the top)");
        }
        // YAML 1.1 reads the key `on` as the boolean true; Jackson then names it "true".
        JsonNode on = root.has("on") ? root.get("on") : root.get("true");
        List<Workflow.Job> jobs = new ArrayList<>();
        JsonNode jobsNode = root.path("jobs");
        for (Map.Entry<String, JsonNode> job : jobsNode.properties()) {
            List<Workflow.Step> steps = new ArrayList<>();
            for (JsonNode step : job.getValue().path("steps")) {
                steps.add(new Workflow.Step(text(step.get("uses")), text(step.get("run")), with(step.get("with"))));
            }
            // A job that calls a reusable workflow has `uses` at job level.
            text(job.getValue().get("uses")).ifPresent(u -> steps.add(new Workflow.Step(Optional.of(u),
                    Optional.empty(), with(job.getValue().get("with")))));
            jobs.add(new Workflow.Job(job.getKey(), permissions(job.getValue().get("permissions")), steps));
        }
        return new Workflow(path, triggers(on), permissions(root.get("permissions")), jobs, Optional.empty());
    }

    private static Set<String> triggers(JsonNode on) {
        Set<String> triggers = new LinkedHashSet<>();
        if (on == null) {
            return triggers;
        }
        if (on.isTextual()) {
            triggers.add(on.asText());
        } else if (on.isArray()) {
            on.forEach(t -> triggers.add(t.asText()));
        } else if (on.isObject()) {
            on.fieldNames().forEachRemaining(triggers::add);
        }
        return triggers;
    }

    private static Optional<String> permissions(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isObject() && node.isEmpty()) {
            return Optional.of("{}");
        }
        StringBuilder rendered = new StringBuilder();
        node.properties().forEach(e -> rendered.append(rendered.length() == 0 ? "" : ", ")
                .append(e.getKey()).append(": ").append(e.getValue().asText()));
        return Optional.of(rendered.toString());
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static String with(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "";
        }
        StringBuilder rendered = new StringBuilder();
        node.properties().forEach(e -> rendered.append(e.getKey()).append(": ").append(e.getValue().asText())
                .append('\n'));
        return rendered.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
