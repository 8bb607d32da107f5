package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.List;
import java.util.Optional;

/** Does continuous integration run the automated tests on every change? */
public final class RunsTestsInCi implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS, Wanted.OTHER_CI, Wanted.CI_SCRIPTS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Workflow> onPr = Ci.firstRunningTests(snapshot, Ci.onPullRequests(snapshot));
        if (onPr.isPresent()) {
            return Finding.met("The workflow " + onPr.get().path() + " runs the tests on every pull request"
                    + (onPr.get().runsOn("push") ? " and push." : "."), Look.evidence(snapshot, onPr.get().path()));
        }
        Optional<Workflow> onPush = Ci.firstRunningTests(snapshot, Ci.onChanges(snapshot));
        if (onPush.isPresent()) {
            return Finding.met("The workflow " + onPush.get().path() + " runs the tests on every push.",
                    Look.evidence(snapshot, onPush.get().path())).proposed();
        }
        Optional<String> other = Ci.otherCiMatching(snapshot, Ci.TEST_COMMAND);
        if (other.isPresent()) {
            return Finding.met(other.get() + " runs the tests in continuous integration.",
                    Look.evidence(snapshot, other.get())).proposed();
        }
        List<String> unread = Ci.unreadScripts(snapshot, Ci.onChanges(snapshot));
        if (!unread.isEmpty()) {
            return Finding.unknown("Continuous integration runs " + Look.list(unread) + ", whose text was not read, so"
                    + " whether it runs the tests is not known.");
        }
        if (!Ci.otherCiFiles(snapshot).isEmpty() || !snapshot.workflows().isEmpty()) {
            return Finding.unmet("Continuous integration is configured, but no job that runs on changes was seen"
                    + " running a test command.").proposed();
        }
        return Look.absent(snapshot, "No continuous integration configuration (GitHub Actions workflows or another"
                + " CI system's file) was found.");
    }
}
