package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;

/** Is test coverage measured, so that the suite can be shown to exercise most of the code? */
public final class MeasuresTestCoverage implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.wantedAnd(Wanted.README);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Tool.Sighting> coverage = Tool.find(snapshot, Tools.COVERAGE);
        if (coverage.isPresent()) {
            Tool.Sighting seen = coverage.get();
            String how = seen.inCi() ? seen.where() + " measures test coverage with " + seen.tool().name()
                    : seen.tool().name() + " measures test coverage (" + seen.where() + ")";
            return Finding.met(Tool.capitalise(how) + "; check that the report shows most of the code exercised.",
                    Look.evidence(snapshot, seen.path())).proposed();
        }
        Optional<Look.Hit> badge = Look.findLine(snapshot, Look.readme(snapshot).stream().toList(),
                Look.words("codecov\\.io|coveralls\\.io|sonarcloud\\.io/api/project_badges/measure\\?[^)\\s]*coverage"));
        if (badge.isPresent()) {
            return Finding.met("The README shows a coverage badge (line " + badge.get().line() + ").",
                    Look.evidence(snapshot, badge.get().path())).proposed();
        }
        if (!Code.testFiles(snapshot.tree()).isEmpty()) {
            return Finding.unknown("The project has tests, but no coverage measurement was found, so how much of the"
                    + " code they exercise is not known.");
        }
        return Look.absent(snapshot, "No automated tests and no coverage measurement were found.");
    }
}
