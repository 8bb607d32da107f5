package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Do warnings make the build or CI fail, so that they are dealt with rather than piling up? */
public final class FailsOnWarnings implements Evaluator {

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
        List<Tool.Sighting> strict = Tool.findAll(snapshot, Tools.WARNINGS_AS_ERRORS);
        if (!strict.isEmpty()) {
            Tool.Sighting first = strict.get(0);
            return Finding.met(Tool.capitalise(first.where()) + " turns warnings into errors (" + first.tool().name()
                    + ").", Look.evidence(snapshot, first.path())).proposed();
        }
        // A linter that exits non-zero on any finding keeps warnings out as long as CI runs it.
        Optional<Tool.Sighting> failingLinter = Tool.findAll(snapshot, Tools.FAILING_LINTERS).stream()
                .filter(Tool.Sighting::inCi).findFirst();
        if (failingLinter.isPresent()) {
            Tool.Sighting seen = failingLinter.get();
            return Finding.met(Tool.capitalise(seen.where()) + " runs " + seen.tool().name() + ", which fails on any"
                    + " finding, so warnings must be fixed for CI to pass.", Look.evidence(snapshot, seen.path()))
                    .proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there are no compiler or linter warnings");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        List<Tool.Sighting> warnings = Tool.findAll(snapshot, Tools.WARNINGS);
        if (!warnings.isEmpty()) {
            return Finding.unmet(EnablesWarningsOrLinter.describe(warnings) + " Nothing was seen that makes the build"
                    + " or CI fail on warnings (such as -Werror or --max-warnings 0).",
                    Look.evidence(snapshot, warnings.get(0).path())).proposed();
        }
        return Look.absent(snapshot, "No warning flags or linters were found, and nothing makes the build fail on"
                + " warnings.").proposed();
    }
}
