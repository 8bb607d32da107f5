package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tool recognised by how it shows up in a project: its invocation in CI steps and root build files, and,
 * optionally, the name of its own configuration file in the tree.
 *
 * @param name how people call it ("CodeQL")
 * @param invocation searched in workflow steps, other CI files and root build manifests
 * @param configName the lower-case file name of its configuration, when one reveals it
 */
record Tool(String name, Pattern invocation, Optional<Pattern> configName) {

    /** The files {@link #find} reads; evaluators that use it declare these. */
    static final List<WantedFile> WANTED = List.of(Wanted.WORKFLOWS, Wanted.OTHER_CI, Wanted.ROOT_BUILD,
            Wanted.TOOL_CONFIG);

    /** {@link #WANTED} and the files an evaluator reads besides. */
    static List<WantedFile> wantedAnd(WantedFile... more) {
        List<WantedFile> wanted = new ArrayList<>(WANTED);
        wanted.addAll(List.of(more));
        return List.copyOf(wanted);
    }

    static Tool of(String name, String invocationRegex) {
        return new Tool(name, Look.words(invocationRegex), Optional.empty());
    }

    static Tool of(String name, String invocationRegex, String configNameRegex) {
        return new Tool(name, Look.words(invocationRegex), Optional.of(Pattern.compile(configNameRegex)));
    }

    /** Where a tool was seen, the most telling places first. */
    enum Place { WORKFLOW_ON_CHANGES, WORKFLOW, OTHER_CI, BUILD_FILE, CONFIG_FILE }

    /** One sighting of a tool. {@code workflow} is present for the two workflow places. */
    record Sighting(Tool tool, String path, Place place, Optional<Workflow> workflow) {

        /** "the workflow .github/workflows/x.yml", ".travis.yml", "the build file pom.xml" ... */
        String where() {
            return switch (place) {
                case WORKFLOW_ON_CHANGES, WORKFLOW -> "the workflow " + path;
                case OTHER_CI -> "the CI configuration " + path;
                case BUILD_FILE -> (Wanted.ROOT_BUILD.matches(path) ? "the build file " : "the configuration file ")
                        + path;
                case CONFIG_FILE -> "the configuration file " + path;
            };
        }

        /** Runs in CI (a workflow or another CI system), rather than only being configured. */
        boolean inCi() {
            return place == Place.WORKFLOW_ON_CHANGES || place == Place.WORKFLOW || place == Place.OTHER_CI;
        }
    }

    /** The first sighting of any of the tools, most telling place first, catalogue order within a place. */
    static Optional<Sighting> find(RepositorySnapshot snapshot, List<Tool> tools) {
        List<Sighting> all = findAll(snapshot, tools);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every place where one of the tools shows, in {@link #find}'s order (one sighting per file). */
    static List<Sighting> findAll(RepositorySnapshot snapshot, List<Tool> tools) {
        List<Sighting> found = new ArrayList<>();
        List<Workflow> onChanges = Ci.onChanges(snapshot);
        for (Workflow workflow : onChanges) {
            first(tools, workflow.allStepText()).ifPresent(t -> found.add(
                    new Sighting(t, workflow.path(), Place.WORKFLOW_ON_CHANGES, Optional.of(workflow))));
        }
        for (Workflow workflow : snapshot.workflows()) {
            if (!onChanges.contains(workflow)) {
                first(tools, workflow.allStepText()).ifPresent(t -> found.add(
                        new Sighting(t, workflow.path(), Place.WORKFLOW, Optional.of(workflow))));
            }
        }
        for (String path : Ci.otherCiFiles(snapshot)) {
            snapshot.text(path).flatMap(text -> first(tools, text)).ifPresent(t -> found.add(
                    new Sighting(t, path, Place.OTHER_CI, Optional.empty())));
        }
        for (String path : buildFiles(snapshot)) {
            first(tools, snapshot.text(path).orElse("")).ifPresent(t -> found.add(
                    new Sighting(t, path, Place.BUILD_FILE, Optional.empty())));
        }
        found.addAll(configFiles(snapshot, tools));
        return found;
    }

    /** Configuration files of the tools, in one pass over the file names (large trees have many). */
    private static List<Sighting> configFiles(RepositorySnapshot snapshot, List<Tool> tools) {
        List<Tool> configured = tools.stream().filter(t -> t.configName().isPresent()).toList();
        if (configured.isEmpty()) {
            return List.of();
        }
        Pattern any = Pattern.compile(String.join("|", configured.stream()
                .map(t -> "(?:" + t.configName().get().pattern() + ")").toList()));
        List<String> candidates = snapshot.tree().withName(any).stream()
                .filter(p -> !Code.isVendored(p)).toList();
        List<Sighting> found = new ArrayList<>();
        for (Tool tool : configured) {
            Pattern name = tool.configName().get();
            candidates.stream().filter(p -> name.matcher(FileTree.baseName(p).toLowerCase(Locale.ROOT)).matches())
                    .findFirst().ifPresent(p -> found.add(new Sighting(tool, p, Place.CONFIG_FILE, Optional.empty())));
        }
        return found;
    }

    /** Root build manifests and tool configuration files whose text was fetched, in name order. */
    static List<String> buildFiles(RepositorySnapshot snapshot) {
        return snapshot.contents().keySet().stream()
                .filter(p -> Wanted.ROOT_BUILD.matches(p) || Wanted.TOOL_CONFIG.matches(p)).sorted().toList();
    }

    /** The tools' names, without repeats, in the order of the sightings. */
    static List<String> names(List<Sighting> sightings) {
        return sightings.stream().map(s -> s.tool().name()).distinct().toList();
    }

    /** The stripped line of the text where the pattern first matches, shortened for a justification. */
    static Optional<String> matchedLine(String text, Pattern pattern) {
        java.util.regex.Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int start = text.lastIndexOf('\n', matcher.start()) + 1;
        int end = text.indexOf('\n', matcher.end());
        String line = text.substring(start, end < 0 ? text.length() : end).strip();
        return Optional.of(line.length() > 120 ? line.substring(0, 117) + "..." : line);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Optional<Tool> first(List<Tool> tools, String text) {
        return tools.stream().filter(t -> t.invocation().matcher(text).find()).findFirst();
    }

    /** "the workflow x runs CodeQL on every push and pull request" style trigger wording. */
    static String triggers(Workflow workflow) {
        List<String> events = new ArrayList<>();
        if (workflow.runsOn("pull_request") || workflow.runsOn("pull_request_target")) {
            events.add("pull request");
        }
        if (workflow.runsOn("push")) {
            events.add("push");
        }
        if (workflow.runsOn("merge_group")) {
            events.add("merge queue entry");
        }
        if (!events.isEmpty()) {
            return "on every " + String.join(" and ", events);
        }
        if (workflow.runsOn("schedule")) {
            return "on a schedule";
        }
        return workflow.triggers().isEmpty() ? "on no trigger we recognise"
                : "only on " + String.join(", ", workflow.triggers().stream().sorted().toList());
    }
}
