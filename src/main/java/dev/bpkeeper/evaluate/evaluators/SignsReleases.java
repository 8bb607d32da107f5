package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Are releases cryptographically signed (signatures, attestations, or a signed tag)? */
public final class SignsReleases implements Evaluator {
    static final Pattern SIGNATURE_ASSET = Pattern.compile(
            "(?i).+\\.(asc|sig|minisig|sigstore|sigstore\\.json|intoto\\.jsonl|pem|crt|cert|p7s)");
    private static final Pattern SIGNING_STEP = Look.words("actions/attest-build-provenance|actions/attest@"
            + "|sigstore/|\\bcosign\\s+(?:sign|attest)|slsa-framework/slsa-github-generator"
            + "|\\bgpg2?\\s+(?:--\\S+\\s+)*(?:--detach-sign|--clearsign|--sign|-[a-z]*[bs]\\b)"
            + "|\\bnpm\\s+publish[^\\n]*--provenance|pypa/gh-action-pypi-publish");
    private static final Pattern SIGNING_BUILD = Look.words("maven-gpg-plugin|sign-maven-plugin"
            + "|^\\s*signing\\s*\\{|id\\s*\\(?\\s*[\"']signing[\"']|apply plugin:\\s*[\"']signing[\"']");

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
            List<String> signatures = latest.get().assetNames().stream()
                    .filter(a -> SIGNATURE_ASSET.matcher(a).matches()).toList();
            if (!signatures.isEmpty()) {
                return Finding.met("The release " + latest.get().tagName() + " ships signatures or attestations ("
                        + Look.list(signatures.subList(0, Math.min(3, signatures.size()))) + ").",
                        Releases.page(latest.get())).proposed();
            }
        }
        Optional<Finding> signing = Releases.doneWhenPublishing(snapshot, SIGNING_STEP,
                "signs or attests what it publishes", SIGNING_BUILD,
                "signs the published artifacts with GPG (as Maven Central requires)");
        if (signing.isPresent()) {
            return signing.get();
        }
        Optional<Tag> tag = latest.flatMap(r -> snapshot.tags().orElse(List.of()).stream()
                .filter(t -> t.name().equals(r.tagName())).findFirst());
        if (tag.isPresent() && tag.get().signed().orElse(false)) {
            return Finding.met("The tag " + tag.get().name() + " of the latest release is signed.").proposed();
        }
        if (Releases.noneYet(snapshot)) {
            return Finding.notApplicable("There are no releases yet (no tags and no GitHub releases), so there is"
                    + " nothing to sign.").proposed();
        }
        if (latest.isPresent()) {
            return Finding.unmet("The release " + latest.get().tagName() + " has no signature or attestation among"
                    + " its assets, and no workflow or build file signs releases.",
                    Releases.page(latest.get())).proposed();
        }
        if (!snapshot.releases().isKnown() || !snapshot.tags().isKnown()) {
            return Finding.unknown("No workflow or build file signs releases, and the "
                    + (snapshot.releases().isKnown() ? "tags are" : "releases are") + " not known.");
        }
        return Finding.unmet("Releases are tagged (" + snapshot.tags().value().get(0).name() + " ...), but no"
                + " signature, signing workflow or signed tag was found.").proposed();
    }
}
