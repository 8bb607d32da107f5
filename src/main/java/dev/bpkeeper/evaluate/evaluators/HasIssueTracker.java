package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Is there a public, archived issue tracker where users can report bugs? */
public final class HasIssueTracker implements Evaluator {
    /** A tracker kept elsewhere: a Jira, Bugzilla, GitLab or other /issues page. */
    /** The tracker itself, not one numbered issue (a reference to history, not a place to report). */
    private static final Pattern OTHER_TRACKER = Look.words("\\bhttps?://[^\\s)>\\]\"']*(?:/issues\\b(?!/\\d)"
            + "|/bugs?\\b(?!/\\d)|bugzilla|jira|youtrack|redmine|/trac\\b|\\bbugs\\.)");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README, Wanted.COMMUNITY);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Boolean> issues = Optional.ofNullable(snapshot.metadata().hasIssues().orElse(null));
        Optional<Boolean> isPrivate = Optional.ofNullable(snapshot.metadata().isPrivate().orElse(null));
        if (isPrivate.orElse(false)) {
            return Finding.unmet("The repository is private, so its bug reports are not publicly archived.");
        }
        Optional<String> link = snapshot.webLink("/issues");
        if (issues.orElse(false) && isPrivate.isPresent() && link.isPresent()) {
            return Finding.met("Bugs are reported and tracked individually in the public GitHub Issues at "
                    + link.get() + ".", Evidence.page("issues", link.get()));
        }
        Optional<Look.Hit> other = Look.findLine(snapshot, Look.currentProse(snapshot), OTHER_TRACKER);
        if (other.isPresent()) {
            return Finding.met(other.get().path() + " points to the issue tracker: \"" + other.get().text()
                    + "\" (line " + other.get().line() + ").", Look.evidence(snapshot, other.get().path())).proposed();
        }
        if (issues.isEmpty()) {
            return Finding.unknown("Whether GitHub Issues are enabled is not known ("
                    + snapshot.metadata().hasIssues().unknownReason() + "), and no other tracker is linked.");
        }
        return Finding.unmet("GitHub Issues are disabled and the documentation links no other issue tracker.")
                .proposed();
    }
}
