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

/** Does each compiled release artifact come with a software bill of materials (SBOM)? */
public final class PublishesSbom implements Evaluator {
    private static final Pattern SBOM_ASSET = Pattern.compile("(?i).*(sbom|spdx|cyclonedx|\\.cdx\\.(json|xml)"
            + "|\\bbom\\.(json|xml)).*");
    private static final Pattern SBOM_STEP = Look.words("anchore/sbom-action|\\bsyft\\b|cyclonedx|spdx-sbom-generator"
            + "|actions/attest-sbom|microsoft/sbom-tool|\\bsbom\\b");
    private static final Pattern SBOM_BUILD = Look.words("cyclonedx-maven-plugin|org\\.cyclonedx\\.bom|spdx-maven-plugin"
            + "|org\\.spdx\\.sbom|cyclonedx-gradle-plugin");

    @Override
    public List<WantedFile> wantedFiles() {
        return Releases.PIPELINE_FILES;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.RELEASES, Need.TAGS);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Release> latest = Releases.latest(snapshot);
        if (latest.isPresent()) {
            Optional<String> sbom = latest.get().assetNames().stream().filter(a -> SBOM_ASSET.matcher(a).matches())
                    .findFirst();
            if (sbom.isPresent()) {
                return Finding.met("The release " + latest.get().tagName() + " ships an SBOM (" + sbom.get() + ").",
                        Releases.page(latest.get())).proposed();
            }
        }
        Optional<Finding> generated = Releases.doneWhenPublishing(snapshot, SBOM_STEP, "generates an SBOM",
                SBOM_BUILD, "generates an SBOM with the artifacts it publishes");
        if (generated.isPresent()) {
            return generated.get();
        }
        if (Releases.noneYet(snapshot)) {
            return Finding.notApplicable("There are no releases yet (no tags and no GitHub releases), so there is no"
                    + " compiled artifact to describe.").proposed();
        }
        if (latest.isPresent() && latest.get().assetNames().isEmpty()) {
            return Finding.notApplicable("The release " + latest.get().tagName() + " ships no compiled artifacts"
                    + " (only GitHub's source archives); if you publish binaries elsewhere, attach an SBOM there.",
                    Releases.page(latest.get())).proposed();
        }
        if (latest.isPresent()) {
            return Finding.unmet("The release " + latest.get().tagName() + " ships " + latest.get().assetNames().size()
                    + " artifact(s) but no SBOM, and no workflow or build file generates one.",
                    Releases.page(latest.get())).proposed();
        }
        return Finding.unknown("No workflow or build file generates an SBOM, and "
                + (snapshot.releases().isKnown() ? "there are no GitHub releases whose artifacts could be checked"
                        : "the releases are not known (" + snapshot.releases().unknownReason() + ")") + ".");
    }
}
