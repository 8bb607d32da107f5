package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import java.util.List;
import java.util.Set;

/** Are the version tags cryptographically signed? */
public final class SignsReleaseTags implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.TAGS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.tags().isKnown()) {
            return Finding.unknown("The tags are not known (" + snapshot.tags().unknownReason() + ").");
        }
        List<Tag> versions = snapshot.tags().value().stream()
                .filter(t -> t.name().chars().anyMatch(Character::isDigit)).toList();
        if (versions.isEmpty()) {
            return Finding.unknown("There are no version tags yet, so there is nothing signed or unsigned to judge.");
        }
        List<Tag> checked = versions.stream().filter(t -> t.signed().isKnown()).toList();
        if (checked.isEmpty()) {
            return Finding.unknown("Whether the tags are signed is not known (" + versions.get(0).signed().unknownReason()
                    + ").");
        }
        List<Tag> unsigned = checked.stream().filter(t -> !t.signed().value()).toList();
        int signed = checked.size() - unsigned.size();
        String notChecked = checked.size() < versions.size()
                ? " (" + (versions.size() - checked.size()) + " more could not be checked)" : "";
        Evidence[] tagsPage = Look.page(snapshot, "/tags", "tags");
        Finding finding;
        if (unsigned.isEmpty()) {
            finding = Finding.met("All " + signed + " version tags checked are signed" + notChecked + ".", tagsPage);
        } else if (signed == 0) {
            finding = Finding.unmet("None of the " + checked.size() + " version tags checked is signed" + notChecked
                    + "; for example " + describe(unsigned.get(0)) + ".", tagsPage);
        } else {
            String counts = signed + " of " + checked.size() + " version tags checked are signed" + notChecked
                    + "; " + describe(unsigned.get(0)) + " for one is not.";
            // Projects start signing at some release: "important tags" is a judgement left to a person.
            return (2 * signed >= checked.size() ? Finding.met(counts, tagsPage) : Finding.unmet(counts, tagsPage))
                    .proposed();
        }
        return checked.size() < versions.size() ? finding.proposed() : finding;
    }

    private static String describe(Tag tag) {
        return tag.name() + (tag.annotated() ? "" : " (a lightweight tag, which cannot carry a signature)");
    }
}
