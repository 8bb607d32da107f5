package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Does the installation honour the usual conventions for install locations, such as DESTDIR and prefix? */
public final class HonoursInstallationConventions implements Evaluator {
    private static final Pattern INSTALL_TARGET = Look.words("^install\\s*:");
    private static final Pattern DESTDIR = Pattern.compile("\\$[({]DESTDIR[)}]");
    private static final Set<String> CONVENTIONAL_INSTALLERS = Set.of("CMake", "Meson", "Autotools");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.ROOT_BUILD);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> makefiles = Code.rootMakefiles(snapshot.tree());
        Optional<Look.Hit> install = Look.findLine(snapshot, makefiles, INSTALL_TARGET);
        if (install.isPresent()) {
            String path = install.get().path();
            Optional<Look.Hit> destdir = Look.findLine(snapshot, List.of(path), DESTDIR);
            return destdir.isPresent()
                    ? Finding.met("The install target of " + path + " honours DESTDIR (line " + destdir.get().line()
                            + ").", Look.evidence(snapshot, path)).proposed()
                    : Finding.unmet("The install target of " + path + " (line " + install.get().line() + ") does"
                            + " not use $(DESTDIR), so staged installs and packagers cannot redirect it.",
                            Look.evidence(snapshot, path)).proposed();
        }
        List<Ecosystem.Detected> tools = Code.buildTools(snapshot.tree());
        Optional<Ecosystem.Detected> conventional = tools.stream()
                .filter(d -> CONVENTIONAL_INSTALLERS.contains(d.ecosystem().name())).findFirst();
        if (conventional.isPresent()) {
            return Finding.met(conventional.get().ecosystem().name() + " (" + conventional.get().manifestPath()
                    + ") installs to the configured prefix and honours DESTDIR.",
                    Look.evidence(snapshot, conventional.get().manifestPath())).proposed();
        }
        Optional<Ecosystem.Detected> packageManager = tools.stream()
                .filter(d -> !d.ecosystem().dependabot().isEmpty()).findFirst();
        if (packageManager.isPresent()) {
            return Finding.notApplicable("The software is installed through its package manager ("
                    + packageManager.get().ecosystem().name() + ", " + packageManager.get().manifestPath()
                    + "), which decides where files go.").proposed();
        }
        Optional<Finding> nothingToBuild = Code.withNothingToBuild(snapshot, "and there is no installation system");
        if (nothingToBuild.isPresent()) {
            return nothingToBuild.get();
        }
        return Finding.unknown("No installation system (install target, CMake, Meson, Autotools or package manager)"
                + " was recognised, so its conventions cannot be checked.");
    }
}
