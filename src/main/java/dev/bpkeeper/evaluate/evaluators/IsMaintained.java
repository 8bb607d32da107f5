package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Is the project still maintained: not archived, not declared abandoned, and still changing? */
public final class IsMaintained implements Evaluator {
    /** Notices that the project itself is over; "the --foo option is deprecated" must not count. */
    private static final Pattern NOTICE = Look.words("\\bno longer (?:actively )?(?:maintained|supported|developed"
            + "|under (?:active )?development)\\b"
            + "|\\b(?:this|the) (?:project|repo(?:sitory)?|library|package|tool|module|crate|gem|plugin|extension"
            + "|action|app(?:lication)?|sdk|code ?base)\\s+(?:is|has been)\\s+(?:now\\s+)?(?:officially\\s+)?"
            + "(?:unmaintained|deprecated|abandoned|archived|discontinued|not (?:actively )?maintained)\\b"
            + "|\\bunmaintained\\.tech\\b"
            // A banner in capitals or a heading of its own; "Deprecated: the --foo flag" is about a feature.
            + "|^[\\s>#*_\\[!\\]]*(?:warning\\W*)?(?-i:DEPRECATED|UNMAINTAINED|ABANDONED)\\b"
            + "|^#{1,2}[ \\t]*(?:deprecated|unmaintained)[ \\t]*[!.:]*[ \\t]*$");
    private static final Duration YEAR = Duration.ofDays(365);

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.HISTORY);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (snapshot.metadata().archived().orElse(false)) {
            return Finding.unmet("The repository is archived, which marks it as no longer maintained.",
                    Look.page(snapshot, "", "repository"));
        }
        String description = snapshot.metadata().description().orElse("");
        if (NOTICE.matcher(description).find()) {
            return Finding.unmet("The repository description says the project is over: \"" + description + "\".")
                    .proposed();
        }
        Optional<Look.Hit> notice = Look.findLine(snapshot, Look.readme(snapshot).stream().toList(), NOTICE);
        if (notice.isPresent()) {
            return Finding.unmet(notice.get().path() + " says the project is no longer maintained: \""
                    + notice.get().text() + "\" (line " + notice.get().line() + ").",
                    Look.evidence(snapshot, notice.get().path())).proposed();
        }
        Optional<Instant> latest = latestActivity(snapshot);
        if (latest.isEmpty()) {
            return Finding.unknown("Neither the commit history nor the last push is known ("
                    + snapshot.history().unknownReason() + ").");
        }
        Evidence[] log = Look.page(snapshot, "/commits", "commit history");
        String when = Releases.date(latest.get());
        if (!latest.get().isBefore(snapshot.observedAt().minus(YEAR))) {
            return Finding.met("The project is active: the latest change was on " + when + ", and it is neither"
                    + " archived nor marked as unmaintained.", log).proposed();
        }
        return Finding.unmet("The latest change was on " + when + ", more than a year before this check; confirm"
                + " that the project still responds to reports of serious problems.", log).proposed();
    }

    private static Optional<Instant> latestActivity(RepositorySnapshot snapshot) {
        Optional<Instant> commit = Optional.ofNullable(snapshot.history().isKnown()
                ? snapshot.history().value().latestCommitAt() : null);
        Optional<Instant> push = Optional.ofNullable(snapshot.metadata().pushedAt().orElse(null));
        if (commit.isPresent() && push.isPresent()) {
            return Optional.of(commit.get().isAfter(push.get()) ? commit.get() : push.get());
        }
        return commit.or(() -> push);
    }
}
