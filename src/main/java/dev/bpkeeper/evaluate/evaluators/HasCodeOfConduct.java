package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Does the project have a code of conduct where people look for one? */
public final class HasCodeOfConduct implements Evaluator {
    private static final String NAME = "code[_-]of[_-]conduct|conduct";
    private static final Pattern ADOPTED = Look.words("^[ \\t]{0,3}#{1,6}[ \\t]*code of conduct\\b"
            + "|\\bcontributor-covenant\\.org|\\bcode of conduct\\b[^\\n]{0,80}https?://");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README, Wanted.COMMUNITY);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.ORG_COMMUNITY_FILES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> file = Look.communityFile(snapshot, NAME);
        if (file.isPresent()) {
            return Finding.met("The code of conduct is in " + file.get() + ".", Look.evidence(snapshot, file.get()));
        }
        Optional<String> org = Look.orgCommunityFile(snapshot, NAME);
        if (org.isPresent()) {
            return Finding.met("The organisation's default code of conduct (" + org.get()
                    + " in its .github repository) applies to this repository.");
        }
        // A section that adopts a code kept elsewhere (Contributor Covenant, a foundation's code) also counts.
        Optional<Look.Hit> adopted = Look.findLine(snapshot, Look.prose(snapshot), ADOPTED);
        if (adopted.isPresent()) {
            return Finding.met(adopted.get().path() + " adopts a code of conduct: \"" + adopted.get().text()
                    + "\" (line " + adopted.get().line() + ").", Look.evidence(snapshot, adopted.get().path()))
                    .proposed();
        }
        return Look.absent(snapshot, "No CODE_OF_CONDUCT file in the root, .github/ or docs/, and no code of conduct"
                + " section.");
    }
}
