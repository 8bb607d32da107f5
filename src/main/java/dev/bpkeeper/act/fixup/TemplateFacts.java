package dev.bpkeeper.act.fixup;

import dev.bpkeeper.evaluate.evaluators.Ecosystem;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts the templates in criteria/templates/ may print (criteria/templates/README.md lists them), taken from
 * a snapshot. {@link #data} hands them to a template with every repository-supplied text made inert for the
 * template's format.
 */
public record TemplateFacts(
        String fullName,
        boolean privateReportingEnabled,
        List<String> supportedVersions,
        String ecosystem,
        String buildCommand,
        String testCommand,
        List<DependabotEcosystem> dependabotEcosystems) {

    /** GitHub's rules for owner and repository names; anything else is not printed into links. */
    static final Pattern GITHUB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern RELEASE_VERSION = Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})(?:\\.\\d{1,6})?");

    /** One `updates` entry of dependabot.yml. */
    public record DependabotEcosystem(String name, String directory) {
    }

    public static TemplateFacts of(RepositorySnapshot snapshot) {
        List<Ecosystem.Detected> atRoot = Ecosystem.detect(snapshot.tree());
        Optional<Ecosystem> main = atRoot.stream().map(Ecosystem.Detected::ecosystem).findFirst();
        boolean mavenWrapper = snapshot.tree().find("mvnw").isPresent();
        boolean gradleWrapper = snapshot.tree().find("gradlew").isPresent();
        UnaryOperator<String> wrapped = command -> mavenWrapper && command.startsWith("mvn ")
                ? "./mvnw " + command.substring(4)
                : !gradleWrapper && command.startsWith("./gradlew ") ? "gradle " + command.substring(10) : command;
        return new TemplateFacts(snapshot.name(),
                snapshot.privateVulnerabilityReporting().orElse(false),
                supportedVersions(snapshot.tags().orElse(List.of())),
                main.map(Ecosystem::name).orElse(""),
                main.map(e -> wrapped.apply(e.buildCommand())).orElse(""),
                main.map(e -> wrapped.apply(e.testCommand())).orElse(""),
                dependabotEcosystems(snapshot));
    }

    /** Whether the name is one GitHub allows, so that links built from it go where they say. */
    public boolean hasGitHubName() {
        return GITHUB_NAME.matcher(fullName).matches();
    }

    /** The newest release line: "2.x" from v2.3.1, "0.4.x" from 0.4.2 (before 1.0 each minor is its own line). */
    static List<String> supportedVersions(List<Tag> tags) {
        return tags.stream().map(t -> RELEASE_VERSION.matcher(t.name())).filter(Matcher::matches)
                .map(m -> new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                .max(Comparator.<int[]>comparingInt(v -> v[0]).thenComparingInt(v -> v[1]))
                .map(v -> v[0] == 0 ? List.of("0." + v[1] + ".x") : List.of(v[0] + ".x"))
                .orElse(List.of());
    }

    static List<DependabotEcosystem> dependabotEcosystems(RepositorySnapshot snapshot) {
        Set<DependabotEcosystem> found = new LinkedHashSet<>();
        for (Ecosystem.Detected detected : Ecosystem.detectAnywhere(snapshot.tree())) {
            if (!detected.ecosystem().dependabot().isEmpty()) {
                found.add(new DependabotEcosystem(detected.ecosystem().dependabot(), detected.directory()));
            }
        }
        if (!snapshot.tree().filesIn(".github/workflows").isEmpty()) {
            found.add(new DependabotEcosystem("github-actions", "/"));
        }
        return new ArrayList<>(found);
    }

    /**
     * The variables of criteria/templates/README.md.
     *
     * @param inert how repository-supplied text is made harmless in the template's format
     */
    public Map<String, Object> data(UnaryOperator<String> inert) {
        String name = fullName.substring(fullName.indexOf('/') + 1);
        String url = hasGitHubName() ? "https://github.com/" + fullName : "";
        Map<String, Object> project = Map.of("fullName", inert.apply(fullName), "name", inert.apply(name), "url", url);
        Map<String, Object> security = Map.of("privateReportingEnabled", privateReportingEnabled,
                "advisoryUrl", url.isEmpty() ? "" : url + "/security/advisories/new",
                "supportedVersions", supportedVersions.stream().map(inert).toList());
        // Commands come from the app's own ecosystem table, never from the repository, and sit in code blocks.
        Map<String, Object> build = Map.of("ecosystem", inert.apply(ecosystem), "buildCommand", buildCommand,
                "testCommand", testCommand);
        Map<String, Object> dependabot = Map.of("ecosystems", dependabotEcosystems.stream()
                .map(e -> Map.of("name", inert.apply(e.name()), "directory", inert.apply(e.directory()))).toList());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project", project);
        data.put("security", security);
        data.put("build", build);
        data.put("dependabot", dependabot);
        return data;
    }
}
