package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the documentation tell users how to verify the integrity, authenticity and origin of releases? */
public final class DocumentsReleaseVerification extends DocumentedTopic implements Evaluator {

    public DocumentsReleaseVerification() {
        super(Topic.of("how to verify a release")
                .files(doc("verif(?:y|ying|ication)(?:[-_](?:releases?|artifacts?|signatures?|downloads?|provenance))?"
                        + "|release[-_]verification|provenance"),
                        folder("verif(?:y|ication)|provenance"))
                .headings("verif(?:y|ying|ication)(?: of)?(?: the)? (?:releases?|downloads?|signatures?|artifacts?"
                        + "|binaries|integrity|provenance|checksums?|authenticity)|(?:release|artifact|package|binary)"
                        + " (?:signing|signatures?|verification|provenance|integrity)|checking (?:the )?signatures?"
                        + "|signature verification|provenance")
                .phrases("\\bgpg2? --verify\\b|\\bcosign verify(?:-blob|-attestation)?\\b|\\bgh attestation verify\\b"
                        + "|\\bslsa-verifier\\b|\\bminisign -V\\b|\\bsha(?:256|512)sum (?:-c|--check)\\b"
                        + "|\\bshasum -a \\d+ -c\\b|--certificate-identity\\b|\\bnpm audit signatures\\b"
                        + "|\\bjarsigner -verify\\b")
                .notApplicableWithoutReleases()
                .missing("No document tells users how to verify a release (signature, checksum or provenance)"));
    }
}
