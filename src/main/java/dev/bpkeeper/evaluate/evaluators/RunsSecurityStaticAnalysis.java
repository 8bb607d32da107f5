package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Does a static analysis tool look for common vulnerabilities in the code? */
public final class RunsSecurityStaticAnalysis implements Evaluator {

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
        Optional<Finding> found = RunsStaticAnalysis.applied(snapshot,
                Tool.findAll(snapshot, Tools.SECURITY_ANALYSIS), ", which looks for security vulnerabilities,");
        if (found.isPresent()) {
            return found.get();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is no code to analyse");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        List<Tool.Sighting> general = Tool.findAll(snapshot, Tools.STATIC_ANALYSIS);
        if (!general.isEmpty()) {
            List<String> names = Tool.names(general);
            return Finding.unknown(Look.list(names) + (names.size() == 1 ? " analyses" : " analyse")
                    + " the code, but none of the tools found looks"
                    + " for vulnerabilities in particular (as CodeQL, Semgrep, gosec or Bandit do)."
                    + RunsStaticAnalysis.DEFAULT_SETUP_NOTE);
        }
        return RunsStaticAnalysis.unseen(snapshot, "No security-focused static analysis (such as CodeQL, Semgrep, gosec or"
                + " Bandit) was found in the workflows, CI configuration or build files.");
    }
}
