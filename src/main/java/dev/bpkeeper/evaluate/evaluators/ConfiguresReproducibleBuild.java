package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Is the build set up to be reproducible (same source, bit-for-bit the same result)? */
public final class ConfiguresReproducibleBuild implements Evaluator {
    private static final List<Tool> SETTINGS = List.of(
            Tool.of("Maven's project.build.outputTimestamp", "project\\.build\\.outputTimestamp"),
            Tool.of("Gradle's reproducible archive settings", "(is)?preserveFileTimestamps\\s*=\\s*false"
                    + "|(is)?reproducibleFileOrder\\s*=\\s*true"),
            Tool.of("SOURCE_DATE_EPOCH", "\\bSOURCE_DATE_EPOCH\\b"),
            Tool.of("Go's -trimpath", "-trimpath\\b"),
            Tool.of("Rust's --remap-path-prefix", "--remap-path-prefix\\b"),
            Tool.of("sbt's reproducible builds plugin", "sbt-reproducible-builds"),
            Tool.of("Reproducible Central", "reproducible-central|reproducible-builds\\.org"));

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.wantedAnd(Wanted.README);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Tool.Sighting> setting = Tool.find(snapshot, SETTINGS);
        if (setting.isPresent()) {
            return Finding.met(Tool.capitalise(setting.get().where()) + " sets " + setting.get().tool().name()
                    + " so that rebuilding the same source gives identical output.",
                    Look.evidence(snapshot, setting.get().path())).proposed();
        }
        Optional<String> nix = snapshot.tree().findFirst(List.of("flake.nix", "default.nix"));
        if (nix.isPresent()) {
            return Finding.met("The project builds with Nix (" + nix.get() + "), whose builds are isolated and"
                    + " pinned so that they can be reproduced.", Look.evidence(snapshot, nix.get())).proposed();
        }
        Optional<Look.Hit> documented = Look.findLine(snapshot, Look.readme(snapshot).stream().toList(),
                Look.words("reproducible[- ]build|bit[- ]for[- ]bit|reproducible-builds\\.org"));
        if (documented.isPresent()) {
            return Finding.met(documented.get().path() + " describes reproducible builds (line "
                    + documented.get().line() + ": \"" + documented.get().text() + "\").",
                    Look.evidence(snapshot, documented.get().path())).proposed();
        }
        Optional<Finding> nothingToBuild = Code.withNothingToBuild(snapshot, "so nothing is built");
        if (nothingToBuild.isPresent()) {
            return nothingToBuild.get();
        }
        return Look.absent(snapshot, "No reproducible-build setting (such as Maven's project.build.outputTimestamp,"
                + " Gradle's reproducibleFileOrder or SOURCE_DATE_EPOCH) was found.").proposed();
    }
}
