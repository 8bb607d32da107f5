package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Does each release come with human-readable notes that summarise its changes (not a raw commit log)? */
public final class HasReleaseNotes implements Evaluator {
    private static final Pattern CHANGE_LOG = Pattern.compile("((\\.github|docs?)/)?(changelog|changes|news|history"
            + "|releases|release[-_]notes|whats[-_]?new)" + Look.DOC_ENDING, Pattern.CASE_INSENSITIVE);
    /** A line of `git log --oneline`: an abbreviated or full commit hash first. */
    private static final Pattern COMMIT_LINE = Pattern.compile("^[-*\\s]*[0-9a-f]{7,40}\\b.*");
    /** GitHub's generated footer, which on its own says nothing about the changes. */
    private static final Pattern FULL_CHANGELOG = Pattern.compile("(?i)^\\W*full changelog\\W*:?.*");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.COMMUNITY);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.TAGS, Need.RELEASES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> log = snapshot.tree().matching(CHANGE_LOG).stream()
                .min(Comparator.comparingInt(String::length));
        if (log.isPresent()) {
            if (snapshot.text(log.get()).map(HasReleaseNotes::isRawCommitLog).orElse(false)) {
                return Finding.unmet(log.get() + " is a raw commit log, not a summary of the changes in each release.",
                        Look.evidence(snapshot, log.get())).proposed();
            }
            return Finding.met("The change log " + log.get() + " summarises the changes of each release.",
                    Look.evidence(snapshot, log.get()));
        }
        Optional<Release> latest = Releases.latest(snapshot);
        if (latest.isPresent()) {
            Evidence page = Releases.page(latest.get());
            if (hasNotes(latest.get().body())) {
                return Finding.met("The latest GitHub release " + latest.get().tagName() + " describes its changes in"
                        + " its release notes.", page).proposed();
            }
            return Finding.unmet("The latest GitHub release " + latest.get().tagName() + " has no release notes,"
                    + " and there is no CHANGELOG.", page).proposed();
        }
        if (Releases.noneYet(snapshot)) {
            return Finding.notApplicable("There are no releases yet (no tags and no GitHub releases), so there are"
                    + " no release notes to write.").proposed();
        }
        if (snapshot.tags().isKnown() && !snapshot.tags().value().isEmpty()) {
            return Look.absent(snapshot, "Releases are tagged (" + snapshot.tags().value().get(0).name()
                    + " ...), but there is no CHANGELOG and no GitHub release with notes.").proposed();
        }
        return Finding.unknown("There is no CHANGELOG, and the releases are not known ("
                + (snapshot.releases().isKnown() ? snapshot.tags().unknownReason()
                        : snapshot.releases().unknownReason()) + ").");
    }

    static boolean isRawCommitLog(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        long commits = lines.stream().filter(l -> COMMIT_LINE.matcher(l).matches()).count();
        return lines.size() >= 3 && commits * 2 > lines.size();
    }

    /** Notes that say something: a line of at least three words besides the generated "Full Changelog" link. */
    static boolean hasNotes(String body) {
        return body.lines().map(String::strip)
                .filter(l -> !FULL_CHANGELOG.matcher(l).matches())
                .anyMatch(l -> l.split("\\s+").length >= 3 || l.matches("(?i)[-*]\\s+\\S.*"));
    }
}
