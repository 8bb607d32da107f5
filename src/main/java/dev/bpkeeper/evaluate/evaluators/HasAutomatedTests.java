package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.List;
import java.util.Optional;

/** Is there an automated test suite, and does the project show how to run it? */
public final class HasAutomatedTests implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS, Wanted.OTHER_CI, Wanted.README, Wanted.COMMUNITY);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> tests = Code.testFiles(snapshot.tree());
        Optional<String> howToRun = howToRun(snapshot);
        if (!tests.isEmpty()) {
            String found = "The repository has " + tests.size() + " test file(s), such as " + tests.get(0);
            if (howToRun.isPresent()) {
                return Finding.met(found + "; " + howToRun.get() + ".", Look.evidence(snapshot, tests.get(0)))
                        .proposed();
            }
            Optional<Ecosystem.Detected> standard = Code.buildTools(snapshot.tree()).stream()
                    .filter(d -> !d.ecosystem().testCommand().isEmpty()).findFirst();
            if (standard.isPresent()) {
                return Finding.met(found + "; they run with the standard " + standard.get().ecosystem().name()
                        + " command `" + standard.get().ecosystem().testCommand() + "`.",
                        Look.evidence(snapshot, tests.get(0))).proposed();
            }
            return Finding.unknown(found + ", but neither CI nor the README or contribution guide shows how to run"
                    + " them.");
        }
        if (howToRun.isPresent()) {
            return Finding.met("No test directory is visible, but " + howToRun.get() + ".").proposed();
        }
        return Look.absent(snapshot, "No automated tests were found: no test directories or test files, and no"
                + " CI job that runs a test command.");
    }

    /** Where the project shows how the tests are run: a CI job, or a command in its documents. */
    private static Optional<String> howToRun(RepositorySnapshot snapshot) {
        Optional<Workflow> workflow = Ci.firstMatching(snapshot.workflows(), Ci.TEST_COMMAND);
        if (workflow.isPresent()) {
            return Optional.of("the workflow " + workflow.get().path() + " runs the tests");
        }
        Optional<String> otherCi = Ci.otherCiMatching(snapshot, Ci.TEST_COMMAND);
        if (otherCi.isPresent()) {
            return Optional.of(otherCi.get() + " runs the tests in CI");
        }
        return Look.findLine(snapshot, Look.documents(snapshot), Ci.TEST_COMMAND)
                .map(hit -> hit.path() + " says how to run the tests (line " + hit.line() + ": \"" + hit.text()
                        + "\")");
    }
}
