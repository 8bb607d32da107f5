package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Are compiler warnings, a strict language mode or a linter switched on? */
public final class EnablesWarningsOrLinter implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.WANTED;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<Tool.Sighting> sightings = Tool.findAll(snapshot, Tools.WARNINGS);
        if (!sightings.isEmpty()) {
            return Finding.met(describe(sightings), Look.evidence(snapshot, sightings.get(0).path())).proposed();
        }
        Optional<Ecosystem.Detected> warnsByDefault = Ecosystem.detect(snapshot.tree()).stream()
                .filter(d -> d.ecosystem().name().equals("Cargo") || d.ecosystem().name().equals("Go modules"))
                .findFirst();
        if (warnsByDefault.isPresent()) {
            String why = warnsByDefault.get().ecosystem().name().equals("Cargo")
                    ? "The Rust compiler's lints are on by default, so every Cargo build reports warnings."
                    : "`go test` runs a set of `go vet` checks, and the Go compiler rejects unused variables and"
                            + " imports.";
            return Finding.met(why + " No further linter was seen.",
                    Look.evidence(snapshot, warnsByDefault.get().manifestPath())).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is nothing to compile or lint");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        return Look.absent(snapshot, "No compiler warning flags, strict mode or linter was found in the workflows,"
                + " CI configuration or root build files.").proposed();
    }

    /** "The workflow x runs Checkstyle (also: ESLint and mypy)." */
    static String describe(List<Tool.Sighting> sightings) {
        Tool.Sighting first = sightings.get(0);
        String main = Tool.capitalise(first.where()) + (first.inCi() ? " runs " : " enables ") + first.tool().name();
        List<String> others = Tool.names(sightings).stream().filter(n -> !n.equals(first.tool().name())).limit(4)
                .toList();
        return main + (others.isEmpty() ? "." : " (also: " + Look.list(others) + ").");
    }
}
