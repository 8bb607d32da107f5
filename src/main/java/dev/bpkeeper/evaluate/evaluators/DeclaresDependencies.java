package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Are the external dependencies declared in a form tools can read (a manifest, a lockfile)? */
public final class DeclaresDependencies implements Evaluator {
    /** C and C++ package managers, which Ecosystem does not list because they do not build. */
    private static final List<String> NATIVE_MANIFESTS = List.of("vcpkg.json", "conanfile.txt", "conanfile.py");

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<Ecosystem.Detected> manifests = manifests(snapshot);
        List<String> lockfiles = Code.lockfiles(snapshot.tree());
        if (!manifests.isEmpty()) {
            return Finding.met("Dependencies are declared in " + Code.describe(manifests)
                    + (lockfiles.isEmpty() ? "." : ", with the lockfile " + lockfiles.get(0) + "."),
                    Look.evidence(snapshot, manifests.get(0).manifestPath()));
        }
        Optional<String> nativeManifest = snapshot.tree().findFirst(NATIVE_MANIFESTS);
        if (nativeManifest.isPresent()) {
            return Finding.met("Dependencies are declared in " + nativeManifest.get() + ".",
                    Look.evidence(snapshot, nativeManifest.get()));
        }
        Optional<String> submodules = snapshot.tree().find(".gitmodules");
        if (submodules.isPresent()) {
            return Finding.met("External code comes in as git submodules, listed with their sources in .gitmodules.",
                    Look.evidence(snapshot, submodules.get())).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so it has no dependencies to declare");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        List<Ecosystem.Detected> builds = Code.buildTools(snapshot.tree());
        if (!builds.isEmpty() && snapshot.tree().isTruncated()) {
            return Finding.unknown("No dependency manifest was seen, but the file list is truncated.");
        }
        if (!builds.isEmpty()) {
            return Finding.unknown("The build (" + Code.describe(builds) + ") keeps no machine-readable list of"
                    + " dependencies; a person must say which external libraries it needs, or answer N/A if none.");
        }
        return Look.absent(snapshot, "No dependency manifest (such as pom.xml, package.json, pyproject.toml or"
                + " go.mod) was found; if the project has no external dependencies, answer N/A.").proposed();
    }

    /** Manifests that list dependencies, the project's own (not among vendored code or test data). */
    static List<Ecosystem.Detected> manifests(RepositorySnapshot snapshot) {
        return Ecosystem.detectAnywhere(snapshot.tree()).stream()
                .filter(d -> d.ecosystem().declaresDependencies() && !Code.isFixture(d.manifestPath()))
                .sorted(java.util.Comparator.comparingInt(d -> d.manifestPath().split("/").length))
                .toList();
    }
}
