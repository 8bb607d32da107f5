package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Do release versions follow Semantic Versioning or Calendar Versioning? */
public final class UsesSemanticVersions implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.TAGS, Need.RELEASES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Finding> unknown = Releases.neitherKnown(snapshot);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        List<String> versions = Releases.versionNames(snapshot);
        if (versions.isEmpty()) {
            return Finding.unknown("There are no version tags or releases yet, so there is no numbering scheme to"
                    + " judge.");
        }
        List<String> other = versions.stream().filter(v -> !Releases.isSemanticOrCalendar(v)).toList();
        Evidence[] tagsPage = Look.page(snapshot, "/tags", "tags");
        int conforming = versions.size() - other.size();
        String examples = Look.list(other.subList(0, Math.min(3, other.size())));
        if (other.isEmpty()) {
            return Finding.met("All " + versions.size() + " version tag(s) follow Semantic or Calendar Versioning"
                    + " (e.g. " + versions.get(0) + ").", tagsPage);
        }
        if (conforming == 0) {
            return Finding.unmet("No version tag follows Semantic Versioning (MAJOR.MINOR.PATCH) or Calendar"
                    + " Versioning (e.g. " + examples + ").", tagsPage);
        }
        String counts = conforming + " of " + versions.size() + " version tags follow Semantic or Calendar"
                + " Versioning; the others include " + examples + ".";
        return (2 * conforming >= versions.size() ? Finding.met(counts, tagsPage) : Finding.unmet(counts, tagsPage))
                .proposed();
    }
}
