package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Is each release identified in version control, for example by a git tag? */
public final class TagsReleases implements Evaluator {

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
        Evidence[] tagsPage = Look.page(snapshot, "/tags", "tags");
        List<Release> releases = Releases.published(snapshot);
        if (!releases.isEmpty()) {
            // A GitHub release is always made from a git tag.
            return Finding.met(releases.size() + " GitHub release(s) are each identified by a git tag (latest: "
                    + releases.get(0).tagName() + ").", tagsPage);
        }
        List<String> versions = Releases.versionNames(snapshot);
        if (!versions.isEmpty()) {
            return Finding.met("Releases are identified by git tags (" + versions.size() + " version tag(s), e.g. "
                    + Look.list(versions.subList(0, Math.min(3, versions.size()))) + ").", tagsPage);
        }
        if (snapshot.tags().isKnown() && !snapshot.tags().value().isEmpty()) {
            return Finding.unmet("The repository's tags (" + snapshot.tags().value().get(0).name() + " ...) carry no"
                    + " version numbers, so they do not identify releases.", tagsPage).proposed();
        }
        if (!snapshot.tags().isKnown()) {
            return Finding.unknown("There are no GitHub releases, and the tags are not known ("
                    + snapshot.tags().unknownReason() + ").");
        }
        return Finding.unmet("No git tag identifies a release: the repository has no tags.").proposed();
    }
}
