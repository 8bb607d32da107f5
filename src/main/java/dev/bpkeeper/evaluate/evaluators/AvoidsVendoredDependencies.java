package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Can reused third-party components be identified and updated easily, rather than being copied in? */
public final class AvoidsVendoredDependencies implements Evaluator {
    private static final Pattern SUBMODULE_PATH = Pattern.compile("(?m)^\\s*path\\s*=\\s*(\\S+)");
    /** Vendoring tools that record what was copied and at which version. */
    private static final Map<String, String> MANAGED = Map.of("modules.txt", "`go mod vendor` (vendor/modules.txt)",
            ".cargo-checksum.json", "`cargo vendor` (.cargo-checksum.json)");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.GITMODULES);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> submodules = submodulePaths(snapshot);
        Map<String, Integer> copies = new TreeMap<>();
        Map<String, String> managed = new TreeMap<>();
        List<String> paths = Code.hasVendoredDirectories(snapshot.tree()) ? snapshot.tree().paths() : List.of();
        for (String path : paths) {
            Optional<String> root = Code.vendorRoot(path);
            if (root.isEmpty() || Code.isFixture(path)
                    || submodules.stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "/"))) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (MANAGED.containsKey(name)) {
                managed.put(root.get(), MANAGED.get(name));
            }
            copies.merge(root.get(), 1, Integer::sum);
        }
        copies.keySet().removeAll(managed.keySet());
        List<String> jars = snapshot.tree().withExtension("jar").stream()
                .filter(p -> !KeepsBuiltBinariesOutOfTree.isBuildWrapper(p) && !Code.isFixture(p)).toList();
        if (!copies.isEmpty() || !jars.isEmpty()) {
            List<String> found = new ArrayList<>();
            copies.forEach((dir, count) -> found.add(dir + " (" + count + " file(s))"));
            if (!jars.isEmpty()) {
                found.add(jars.size() + " committed .jar file(s) such as " + jars.get(0));
            }
            return Finding.unmet("Copies of third-party code are kept in the repository: "
                    + Look.list(found.stream().limit(4).toList()) + ". Record their origin and version, or fetch"
                    + " them through the package manager.", Look.evidence(snapshot, firstPath(copies, jars)))
                    .proposed();
        }
        if (snapshot.tree().isTruncated()) {
            return Finding.unknown("No copied third-party code was seen, but the file list is truncated.");
        }
        List<String> ways = new ArrayList<>();
        managed.forEach((directory, tool) -> ways.add(directory + " is managed by " + tool));
        if (!submodules.isEmpty()) {
            ways.add("git submodules (.gitmodules) pin " + Look.list(submodules.stream().limit(3).toList()));
        }
        List<Ecosystem.Detected> manifests = DeclaresDependencies.manifests(snapshot);
        if (!manifests.isEmpty()) {
            ways.add("the package manager fetches what " + Code.describe(manifests.stream().limit(3).toList())
                    + " declare" + (manifests.size() == 1 ? "s" : ""));
        }
        if (!ways.isEmpty()) {
            return Finding.met("Third-party components are easy to identify and update: " + Look.list(ways) + ".")
                    .proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so it reuses no components");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        return Finding.met("No copies of third-party code are kept in the repository.").proposed();
    }

    private static List<String> submodulePaths(RepositorySnapshot snapshot) {
        List<String> paths = new ArrayList<>();
        snapshot.text(".gitmodules").ifPresent(text -> {
            Matcher matcher = SUBMODULE_PATH.matcher(text);
            while (matcher.find()) {
                paths.add(matcher.group(1));
            }
        });
        return paths;
    }

    private static String firstPath(Map<String, Integer> copies, List<String> jars) {
        if (copies.isEmpty()) {
            return jars.get(0);
        }
        String directory = copies.keySet().iterator().next();
        return directory.substring(0, directory.length() - 1);
    }
}
