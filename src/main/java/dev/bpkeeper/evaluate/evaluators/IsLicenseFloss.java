package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.LicenseFacts;
import dev.bpkeeper.snapshot.RepositorySnapshot;

/** Is the project released under a free/open source licence (OSI-approved or FSF free)? */
public final class IsLicenseFloss implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.license().isKnown()) {
            return Finding.unknown("The licence could not be identified (" + snapshot.license().unknownReason()
                    + ").");
        }
        LicenseFacts license = snapshot.license().value();
        Evidence[] evidence = licenseEvidence(snapshot, license);
        if (license.free()) {
            return Finding.met("The licence " + license.spdxExpression() + " (" + license.source()
                    + ") is a free/open source licence (OSI-approved or FSF free).", evidence);
        }
        return Finding.unmet("The licence " + license.spdxExpression() + " (" + license.source()
                + ") is neither OSI-approved nor FSF free.", evidence).proposed();
    }

    static Evidence[] licenseEvidence(RepositorySnapshot snapshot, LicenseFacts license) {
        return license.evidencePath().isEmpty() ? new Evidence[0]
                : new Evidence[] {Look.evidence(snapshot, license.evidencePath())};
    }
}
