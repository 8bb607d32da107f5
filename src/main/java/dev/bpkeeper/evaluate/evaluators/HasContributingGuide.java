package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Does the project explain how to contribute (a CONTRIBUTING guide, or a contributing section)? */
public final class HasContributingGuide implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.ORG_COMMUNITY_FILES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> guide = Look.communityFile(snapshot, "contributing|contribute");
        if (guide.isPresent()) {
            return Finding.met("The contribution guide " + guide.get() + " explains how to contribute.",
                    Look.evidence(snapshot, guide.get()));
        }
        Optional<String> orgGuide = Look.orgCommunityFile(snapshot, "contributing|contribute");
        if (orgGuide.isPresent()) {
            return Finding.met("The organisation's default contribution guide (" + orgGuide.get()
                    + " in its .github repository) applies to this repository.");
        }
        Optional<Look.Hit> section = Look.findLine(snapshot, Look.readme(snapshot).stream().toList(),
                Look.words("^#{1,4}\\s*(how to )?contribut"));
        if (section.isPresent()) {
            return Finding.met("The README has a contributing section (\"" + section.get().text() + "\", line "
                    + section.get().line() + ").", Look.evidence(snapshot, section.get().path())).proposed();
        }
        String none = "No CONTRIBUTING guide in the root, .github/ or docs/, and no contributing section in the"
                + " README.";
        // GitHub shows the owner's default guide (from its .github repository) on every repository without one; where
        // those defaults were not read, as in a local checkout, a missing file does not make the guide missing.
        if (!snapshot.orgCommunityFiles().isKnown()) {
            return Finding.unknown(none + " Whether the owner's .github repository publishes a default guide for it"
                    + " is not known (" + snapshot.orgCommunityFiles().unknownReason() + ").");
        }
        return Look.absent(snapshot, none);
    }
}
