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

/** Is every change checked automatically for vulnerable or malicious dependencies before it is merged? */
public final class ReviewsDependenciesOnEveryChange implements Evaluator {

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
        List<Workflow> onPullRequests = Ci.onPullRequests(snapshot);
        List<Tool.Sighting> scanners = Tool.findAll(snapshot, Tools.DEPENDENCY_SCANNERS);
        Optional<Tool.Sighting> onPr = scanners.stream()
                .filter(s -> s.workflow().map(onPullRequests::contains).orElse(false)).findFirst();
        if (onPr.isPresent()) {
            return Finding.met(Tool.capitalise(onPr.get().where()) + " checks the dependencies with "
                    + onPr.get().tool().name() + " on every pull request; make it a required status check so that"
                    + " a failure blocks the merge.", Look.evidence(snapshot, onPr.get().path())).proposed();
        }
        Optional<Tool.Sighting> otherCi = scanners.stream().filter(s -> s.place() == Tool.Place.OTHER_CI).findFirst();
        if (otherCi.isPresent()) {
            return Finding.met(Tool.capitalise(otherCi.get().where()) + " checks the dependencies with "
                    + otherCi.get().tool().name() + " in CI; confirm that it runs on every merge request.",
                    Look.evidence(snapshot, otherCi.get().path())).proposed();
        }
        Optional<Tool.Sighting> elsewhere = scanners.stream().filter(s -> s.workflow().isPresent()).findFirst();
        if (elsewhere.isPresent()) {
            return Finding.unmet(Tool.capitalise(elsewhere.get().where()) + " runs " + elsewhere.get().tool().name()
                    + " " + Tool.triggers(elsewhere.get().workflow().get()) + ", but not on pull requests, so a"
                    + " change can bring in a vulnerable dependency before anything checks it.",
                    Look.evidence(snapshot, elsewhere.get().path())).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there are no dependencies to check");
        if (noCode.isPresent() && DeclaresDependencies.manifests(snapshot).isEmpty()) {
            return noCode.get();
        }
        Optional<String> updates = snapshot.tree().findFirst(MonitorsDependencies.DEPENDABOT)
                .or(() -> snapshot.tree().findFirst(MonitorsDependencies.RENOVATE));
        if (updates.isPresent()) {
            return Finding.unmet(updates.get() + " proposes dependency updates, but nothing checks the dependencies"
                    + " that a pull request adds (such as actions/dependency-review-action).",
                    Look.evidence(snapshot, updates.get())).proposed();
        }
        return Look.absent(snapshot, "No dependency check (such as actions/dependency-review-action or OSV-Scanner)"
                + " runs on pull requests.").proposed();
    }
}
