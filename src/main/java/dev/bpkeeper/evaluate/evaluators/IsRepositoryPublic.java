package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;

/** Can anyone read the source repository at a stable public address? */
public final class IsRepositoryPublic implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.metadata().isPrivate().isKnown()) {
            return Finding.unknown("The repository's visibility is not known ("
                    + snapshot.metadata().isPrivate().unknownReason() + ").");
        }
        if (snapshot.metadata().isPrivate().value()) {
            return Finding.unmet("The repository is private.");
        }
        String url = snapshot.metadata().webUrl().orElse("");
        return url.isEmpty() ? Finding.met("The repository is public.")
                : Finding.met("The repository is public at " + url + ".", Evidence.page("repository", url));
    }
}
