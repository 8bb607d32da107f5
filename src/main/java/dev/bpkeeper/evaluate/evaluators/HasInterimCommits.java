package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.History;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Set;

/** Does the repository hold the work between releases, not only the release snapshots? */
public final class HasInterimCommits implements Evaluator {
    /** Without tags to compare with, this many commits show ongoing work rather than dumps of releases. */
    private static final int MANY_COMMITS = 20;

    @Override
    public Set<Need> needs() {
        return Set.of(Need.HISTORY, Need.TAGS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.history().isKnown()) {
            return Finding.unknown("The commit history is not known (" + snapshot.history().unknownReason() + ").");
        }
        History history = snapshot.history().value();
        int commits = history.commitsExamined();
        String counted = (history.complete() ? "" : "at least ") + commits + " commit(s)";
        Evidence[] log = Look.page(snapshot, "/commits", "commit history");
        if (snapshot.tags().isKnown() && !snapshot.tags().value().isEmpty()) {
            int tags = snapshot.tags().value().size();
            // A repository that only receives release dumps has about one commit per tag.
            if (commits > 2 * tags) {
                return Finding.met("The history holds " + counted + " for " + tags + " tag(s), so the work between"
                        + " releases is public.", log).proposed();
            }
            if (!history.complete()) {
                return Finding.unknown("Only " + commits + " commits were examined for " + tags + " tags, too few to"
                        + " tell whether work between releases is pushed.");
            }
            return Finding.unmet("The history holds only " + commits + " commit(s) for " + tags + " tag(s): it looks"
                    + " like release snapshots rather than ongoing work.", log).proposed();
        }
        if (commits >= MANY_COMMITS || snapshot.tags().isKnown() && commits >= 2) {
            return Finding.met("The history holds " + counted + (snapshot.tags().isKnown() ? " and no release tags"
                    : "") + ", so ongoing work is public.", log).proposed();
        }
        return Finding.unknown("The history holds " + commits + " commit(s)" + (snapshot.tags().isKnown() ? ""
                : " and the tags are not known") + ", too little to tell whether work between releases is pushed.");
    }
}
