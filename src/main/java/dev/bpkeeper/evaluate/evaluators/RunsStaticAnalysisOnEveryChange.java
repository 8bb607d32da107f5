package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Does static analysis run on every change (push or pull request), or at least daily? */
public final class RunsStaticAnalysisOnEveryChange implements Evaluator {

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
        List<Tool.Sighting> sightings = Tool.findAll(snapshot, Tools.STATIC_ANALYSIS);
        Optional<Tool.Sighting> onChanges = first(sightings, Tool.Place.WORKFLOW_ON_CHANGES);
        if (onChanges.isPresent()) {
            Tool.Sighting seen = onChanges.get();
            return Finding.met(Tool.capitalise(seen.where()) + " runs " + seen.tool().name() + " "
                    + Tool.triggers(seen.workflow().orElseThrow()) + ".", Look.evidence(snapshot, seen.path()));
        }
        Optional<Tool.Sighting> scheduled = sightings.stream().filter(s -> s.workflow()
                .map(w -> w.runsOn("schedule")).orElse(false)).findFirst();
        if (scheduled.isPresent()) {
            return Finding.met(Tool.capitalise(scheduled.get().where()) + " runs " + scheduled.get().tool().name()
                    + " on a schedule; confirm that it runs at least daily.",
                    Look.evidence(snapshot, scheduled.get().path())).proposed();
        }
        Optional<Tool.Sighting> otherCi = first(sightings, Tool.Place.OTHER_CI);
        if (otherCi.isPresent()) {
            return Finding.met(Tool.capitalise(otherCi.get().where()) + " runs " + otherCi.get().tool().name()
                    + " in CI, which usually runs on every push.", Look.evidence(snapshot, otherCi.get().path()))
                    .proposed();
        }
        Optional<Tool.Sighting> inBuild = first(sightings, Tool.Place.BUILD_FILE);
        Optional<Workflow> buildsChanges = Ci.firstMatching(Ci.onChanges(snapshot), Ci.TEST_COMMAND);
        if (inBuild.isPresent() && buildsChanges.isPresent()) {
            return Finding.met(inBuild.get().tool().name() + " is part of the build (" + inBuild.get().path()
                    + "), and the workflow " + buildsChanges.get().path() + " runs the build "
                    + Tool.triggers(buildsChanges.get()) + ".",
                    Look.evidence(snapshot, inBuild.get().path())).proposed();
        }
        if (!sightings.isEmpty()) {
            return Finding.unmet(sightings.get(0).tool().name() + " is set up (" + sightings.get(0).where()
                    + "), but nothing runs it on every change or daily.",
                    Look.evidence(snapshot, sightings.get(0).path())).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is no code to analyse");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        return RunsStaticAnalysis.unseen(snapshot, "No static analysis was found running on pushes, pull requests or a"
                + " schedule.");
    }

    private static Optional<Tool.Sighting> first(List<Tool.Sighting> sightings, Tool.Place place) {
        return sightings.stream().filter(s -> s.place() == place).findFirst();
    }
}
