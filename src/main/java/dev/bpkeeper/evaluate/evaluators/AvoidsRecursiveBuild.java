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

/** Does the build avoid recursing into subdirectories that depend on each other (recursive make)? */
public final class AvoidsRecursiveBuild implements Evaluator {
    private static final Pattern RECURSIVE_MAKE = Look.words("\\$[({]MAKE[)}][^\\n]*\\s(-C|--directory)\\b"
            + "|\\bcd\\s+[^\\s;&]+\\s*(&&|;)\\s*\\$[({]MAKE[)}]|\\bmake\\s+-C\\s|^\\s*SUBDIRS\\s*[+:]?=");
    private static final Pattern MAKEFILE = Pattern.compile("(gnu)?makefile(\\.am|\\.in)?");

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
        List<String> rootMakefiles = snapshot.tree().withName(MAKEFILE).stream()
                .filter(p -> !p.contains("/")).toList();
        Optional<Look.Hit> recursion = Look.findLine(snapshot, rootMakefiles, RECURSIVE_MAKE);
        if (recursion.isPresent()) {
            return Finding.unknown(recursion.get().path() + " line " + recursion.get().line() + " (\""
                    + recursion.get().text() + "\") runs make in subdirectories; a person must check that those"
                    + " subdirectories do not depend on each other.");
        }
        List<String> nestedMakefiles = snapshot.tree().withName(MAKEFILE).stream()
                .filter(p -> p.contains("/") && !Code.isVendored(p) && !Code.isFixture(p)).toList();
        List<Ecosystem.Detected> tools = Code.buildTools(snapshot.tree());
        if (tools.isEmpty()) {
            return Code.withNothingToBuild(snapshot, "so nothing needs building")
                    .orElse(Finding.unknown("No build system was recognised, so whether it recurses is not known."));
        }
        Ecosystem.Detected main = tools.get(0);
        if (main.ecosystem().dependencyAware()) {
            return Finding.met("The build uses " + main.ecosystem().name() + " (" + main.manifestPath() + "), which"
                    + " builds all parts from one dependency graph instead of recursing into subdirectories.",
                    Look.evidence(snapshot, main.manifestPath())).proposed();
        }
        if (!nestedMakefiles.isEmpty()) {
            return Finding.unknown("Makefiles in subdirectories (such as " + nestedMakefiles.get(0) + ") suggest a"
                    + " recursive build; a person must check that those subdirectories do not depend on each other.");
        }
        if (rootMakefiles.stream().anyMatch(p -> snapshot.text(p).isPresent())) {
            return Finding.met("The build is a single " + rootMakefiles.get(0) + " that does not run make in"
                    + " subdirectories.", Look.evidence(snapshot, rootMakefiles.get(0))).proposed();
        }
        return Finding.unknown("The build uses " + main.ecosystem().name() + " (" + main.manifestPath() + "); a"
                + " person must check that it does not recurse into subdirectories that depend on each other.");
    }
}
