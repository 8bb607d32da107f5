package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Does the README show the project's OpenSSF Best Practices badge (its achievements)? */
public final class DisplaysBestPracticesBadge implements Evaluator {
    private static final Pattern BADGE = Look.words(
            "\\bbestpractices\\.(?:dev|coreinfrastructure\\.org)/(?:[a-z]{2}(?:-[A-Za-z]{2})?/)?projects/\\d+");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> readme = Look.readme(snapshot);
        if (readme.isEmpty()) {
            return Look.absent(snapshot, "There is no README to show the OpenSSF Best Practices badge.");
        }
        if (snapshot.text(readme.get()).isEmpty()) {
            return Finding.unknown("The text of " + readme.get() + " was not read, so whether it shows the badge is"
                    + " not known.");
        }
        Optional<Look.Hit> badge = Look.findLine(snapshot, List.of(readme.get()), BADGE);
        if (badge.isPresent()) {
            return Finding.met(readme.get() + " shows the OpenSSF Best Practices badge (line " + badge.get().line()
                    + ").", Look.evidence(snapshot, readme.get()));
        }
        return Finding.unmet(readme.get() + " does not link to the project's OpenSSF Best Practices badge"
                + " (bestpractices.dev/projects/...).", Look.evidence(snapshot, readme.get()));
    }
}
