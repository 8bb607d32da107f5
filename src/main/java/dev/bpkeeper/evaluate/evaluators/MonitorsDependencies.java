package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Are dependencies watched for known vulnerabilities (Dependabot, Renovate, a scanner in CI)? */
public final class MonitorsDependencies implements Evaluator {
    static final List<String> DEPENDABOT = List.of(".github/dependabot.yml", ".github/dependabot.yaml");
    static final List<String> RENOVATE = List.of("renovate.json", "renovate.json5", ".renovaterc",
            ".renovaterc.json", ".renovaterc.json5", ".github/renovate.json", ".github/renovate.json5",
            ".gitlab/renovate.json", ".gitlab/renovate.json5");
    private static final Pattern ECOSYSTEM = Pattern.compile("package-ecosystem:\\s*[\"']?([\\w-]+)");
    /** Settings such as Dependabot alerts live in the repository settings, where the files cannot show them. */
    private static final String SETTINGS_NOTE = " Dependabot alerts may still be enabled in the repository settings,"
            + " which the files do not show.";

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.wantedAnd(Wanted.DEPENDENCY_UPDATES);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> dependabot = snapshot.tree().findFirst(DEPENDABOT);
        Set<String> used = new LinkedHashSet<>();
        Ecosystem.detectAnywhere(snapshot.tree()).stream().filter(d -> !Code.isFixture(d.manifestPath()))
                .map(d -> d.ecosystem().dependabot()).filter(e -> !e.isEmpty()).forEach(used::add);
        Set<String> watched = dependabot.flatMap(snapshot::text).map(MonitorsDependencies::watched).orElse(Set.of());
        if (!watched.isEmpty()) {
            List<String> unwatched = used.stream().filter(e -> !watched.contains(e)).toList();
            if (unwatched.isEmpty() || unwatched.size() < used.size()) {
                return Finding.met("Dependabot (" + dependabot.get() + ") watches the " + Look.list(List.copyOf(watched))
                        + " dependencies and proposes updates, including security fixes.",
                        Look.evidence(snapshot, dependabot.get()));
            }
            return Finding.unmet("Dependabot (" + dependabot.get() + ") watches only " + Look.list(List.copyOf(watched))
                    + ", not the " + Look.list(unwatched) + " dependencies." + SETTINGS_NOTE,
                    Look.evidence(snapshot, dependabot.get())).proposed();
        }
        if (dependabot.isPresent()) {
            return Finding.met("Dependabot is configured (" + dependabot.get() + ").",
                    Look.evidence(snapshot, dependabot.get())).proposed();
        }
        Optional<String> renovate = snapshot.tree().findFirst(RENOVATE);
        if (renovate.isPresent()) {
            return Finding.met("Renovate (" + renovate.get() + ") watches the dependencies and proposes updates,"
                    + " including security fixes.", Look.evidence(snapshot, renovate.get()));
        }
        List<Tool.Sighting> scanners = Tool.findAll(snapshot, Tools.DEPENDENCY_SCANNERS);
        if (!scanners.isEmpty()) {
            Tool.Sighting seen = scanners.get(0);
            Finding met = Finding.met(Tool.capitalise(seen.where()) + (seen.inCi() ? " runs " : " sets up ")
                    + seen.tool().name() + ", which checks the dependencies for known vulnerabilities"
                    + seen.workflow().map(w -> " " + Tool.triggers(w)).orElse("") + ".",
                    Look.evidence(snapshot, seen.path()));
            return seen.inCi() ? met : met.proposed();
        }
        if (used.isEmpty() && DeclaresDependencies.manifests(snapshot).isEmpty()) {
            Optional<Finding> noCode = Code.withNoCode(snapshot, "so there are no dependencies to monitor");
            if (noCode.isPresent()) {
                return noCode.get();
            }
        }
        return Look.absent(snapshot, "No Dependabot or Renovate configuration and no dependency scanner in CI were"
                + " found." + SETTINGS_NOTE).proposed();
    }

    private static Set<String> watched(String dependabotYaml) {
        Set<String> watched = new LinkedHashSet<>();
        Matcher matcher = ECOSYSTEM.matcher(dependabotYaml);
        while (matcher.find()) {
            watched.add(matcher.group(1));
        }
        return watched;
    }
}
