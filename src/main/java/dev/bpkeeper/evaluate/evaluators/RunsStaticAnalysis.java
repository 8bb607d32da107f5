package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Is at least one static code analysis tool applied to the code? */
public final class RunsStaticAnalysis implements Evaluator {
    /** CodeQL's default setup is a repository setting, invisible in the files. */
    static final String DEFAULT_SETUP_NOTE = " CodeQL's default setup lives in the repository settings and does not"
            + " show in the files, so whether it runs is not known.";

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
        Optional<Finding> found = applied(snapshot, sightings, "");
        if (found.isPresent()) {
            return found.get();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is no code to analyse");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        return unseen(snapshot, "No static analysis tool (such as CodeQL, SpotBugs, Semgrep or golangci-lint) was found in the"
                + " workflows, CI configuration or build files.");
    }

    /**
     * Nothing in the files shows the analysis, yet CodeQL's default setup may run it unseen: the answer is Unknown
     * with that reason, never Unmet from evidence the files cannot carry.
     */
    static Finding unseen(RepositorySnapshot snapshot, String sentence) {
        // Look.absent says so when the file list was truncated too.
        return snapshot.tree().isTruncated() ? Look.absent(snapshot, sentence + DEFAULT_SETUP_NOTE)
                : Finding.unknown(sentence + DEFAULT_SETUP_NOTE);
    }

    /**
     * Met when one of the sightings shows the analysis applied: decisive when CI runs it, a proposal when it
     * is only part of the build or configured.
     *
     * @param what words after the tool's name, e.g. ", which looks for security vulnerabilities,"
     */
    static Optional<Finding> applied(RepositorySnapshot snapshot, List<Tool.Sighting> sightings, String what) {
        Optional<Tool.Sighting> inCi = sightings.stream().filter(Tool.Sighting::inCi).findFirst();
        if (inCi.isPresent()) {
            Tool.Sighting seen = inCi.get();
            return Optional.of(Finding.met(Tool.capitalise(seen.where()) + " runs " + seen.tool().name() + what
                    + seen.workflow().map(w -> " " + Tool.triggers(w)).orElse(" in CI") + ".",
                    Look.evidence(snapshot, seen.path())));
        }
        if (!sightings.isEmpty()) {
            Tool.Sighting seen = sightings.get(0);
            String how = seen.place() == Tool.Place.BUILD_FILE ? " is set up in " + seen.where()
                    : " is configured (" + seen.path() + ")";
            return Optional.of(Finding.met(seen.tool().name() + what + how + "; confirm that it runs before"
                    + " releases.", Look.evidence(snapshot, seen.path())).proposed());
        }
        return Optional.empty();
    }
}
