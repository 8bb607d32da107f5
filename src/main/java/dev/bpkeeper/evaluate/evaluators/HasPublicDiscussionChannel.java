package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Is there a public, searchable, archived discussion channel that needs no proprietary client? */
public final class HasPublicDiscussionChannel implements Evaluator {
    /** Open, archived channels; Slack and Discord need a proprietary client and do not count. */
    private static final Pattern OPEN_CHANNEL = Look.words("\\bhttps?://(?:lists\\.[\\w.-]+|groups\\.google\\.com/"
            + "|[\\w.-]*discourse[\\w.-]*|discuss\\.[\\w.-]+|forum\\.[\\w.-]+|[\\w.-]+\\.zulipchat\\.com|matrix\\.to/"
            + "|[\\w.-]*\\.groups\\.io/|lore\\.kernel\\.org|github\\.com/[^/\\s]+/[^/\\s]+/discussions)");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README, Wanted.COMMUNITY);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.metadata().isPrivate().isKnown()) {
            return Finding.unknown("Whether the repository is public is not known ("
                    + snapshot.metadata().isPrivate().unknownReason() + ").");
        }
        if (snapshot.metadata().isPrivate().value()) {
            return Finding.unmet("The repository is private, so its issues and discussions are not public.");
        }
        List<String> channels = new ArrayList<>();
        List<Evidence> pages = new ArrayList<>();
        if (snapshot.metadata().hasIssues().orElse(false)) {
            channels.add("GitHub Issues");
            snapshot.webLink("/issues").ifPresent(l -> pages.add(Evidence.page("issues", l)));
        }
        if (snapshot.metadata().hasDiscussions().orElse(false)) {
            channels.add("GitHub Discussions");
            snapshot.webLink("/discussions").ifPresent(l -> pages.add(Evidence.page("discussions", l)));
        }
        if (!channels.isEmpty()) {
            return Finding.met("Proposals and problems are discussed in the open in " + Look.list(channels)
                    + ", which are public, searchable and linkable.", pages.toArray(Evidence[]::new));
        }
        Optional<Look.Hit> other = Look.findLine(snapshot, Look.prose(snapshot), OPEN_CHANNEL);
        if (other.isPresent()) {
            return Finding.met(other.get().path() + " points to a public discussion channel: \"" + other.get().text()
                    + "\" (line " + other.get().line() + ").", Look.evidence(snapshot, other.get().path())).proposed();
        }
        if (!snapshot.metadata().hasIssues().isKnown()) {
            return Finding.unknown("Whether GitHub Issues are enabled is not known ("
                    + snapshot.metadata().hasIssues().unknownReason() + ").");
        }
        return Finding.unmet("GitHub Issues and Discussions are disabled, and no mailing list or forum is linked.")
                .proposed();
    }
}
