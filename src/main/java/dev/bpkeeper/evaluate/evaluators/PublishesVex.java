package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Are vulnerabilities in components that do not affect the project documented in VEX statements? */
public final class PublishesVex implements Evaluator {
    private static final Pattern VEX_FILE = Pattern.compile("(?i)(?!(.*/)?(node_modules|vendor|third[_-]party)/)"
            + "(.*/)?([^/]+\\.(open)?vex\\.json|openvex[^/]*\\.json|vex/[^/]+\\.(json|ya?ml)|csaf/[^/]+\\.json"
            + "|vex\\.(json|ya?ml))");
    private static final Pattern VEX_ASSET = Pattern.compile("(?i).*(\\bvex\\b|openvex|csaf).*");
    private static final Pattern VEX_MENTION = Look.words("\\bVEX (?:statements?|documents?|files?)\\b|\\bOpenVEX\\b"
            + "|\\bCSAF\\b");

    @Override
    public List<WantedFile> wantedFiles() {
        return Wanted.DOCUMENTS;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.RELEASES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> files = snapshot.tree().withAnyExtension(java.util.Set.of("json", "yml", "yaml")).stream()
                .filter(p -> VEX_FILE.matcher(p).matches()).toList();
        if (!files.isEmpty()) {
            return Finding.met("VEX statements are published in " + files.get(0) + ".",
                    Look.evidence(snapshot, files.get(0))).proposed();
        }
        for (Release release : Releases.published(snapshot)) {
            Optional<String> asset = release.assetNames().stream().filter(a -> VEX_ASSET.matcher(a).matches())
                    .findFirst();
            if (asset.isPresent()) {
                return Finding.met("The release " + release.tagName() + " ships VEX statements (" + asset.get() + ").",
                        Releases.page(release)).proposed();
            }
        }
        Optional<Look.Hit> mention = Look.findLine(snapshot, Look.prose(snapshot), VEX_MENTION);
        if (mention.isPresent()) {
            return Finding.met(mention.get().path() + " refers to VEX statements: \"" + mention.get().text()
                    + "\" (line " + mention.get().line() + ").", Look.evidence(snapshot, mention.get().path()))
                    .proposed();
        }
        // No VEX may simply mean that no dependency vulnerability has needed one: a person tells N/A from Unmet.
        return Finding.unknown("No VEX document was found in the repository, its releases or its documentation; if no"
                + " vulnerability in a dependency has needed one yet, the answer is N/A.");
    }
}
