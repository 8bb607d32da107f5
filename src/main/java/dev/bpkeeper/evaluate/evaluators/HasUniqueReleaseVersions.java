package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Set;

/** Does every release have its own unique version identifier? */
public final class HasUniqueReleaseVersions implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.TAGS, Need.RELEASES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> versions = Releases.versionNames(snapshot);
        Evidence[] tagsPage = Look.page(snapshot, "/tags", "tags");
        if (!versions.isEmpty()) {
            // Git tag names are unique within a repository, so a version tag per release is a unique identifier.
            return Finding.met("Releases are identified by " + versions.size() + " unique version tag(s), e.g. "
                    + Look.list(versions.subList(0, Math.min(3, versions.size()))) + ".", tagsPage).proposed();
        }
        if (!snapshot.tags().isKnown() || !snapshot.releases().isKnown()) {
            String reason = snapshot.tags().isKnown() ? snapshot.releases().unknownReason()
                    : snapshot.tags().unknownReason();
            return Finding.unknown("No version tags were seen, and the " + (snapshot.tags().isKnown() ? "releases"
                    : "tags") + " are not known (" + reason + ").");
        }
        return Finding.unmet("No git tag or GitHub release carries a version number; give each release a unique"
                + " version and tag it.", tagsPage).proposed();
    }
}
