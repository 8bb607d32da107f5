package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.LicenseFacts;
import dev.bpkeeper.snapshot.RepositorySnapshot;

/** Is the licence approved by the Open Source Initiative? */
public final class IsLicenseOsiApproved implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.license().isKnown()) {
            return Finding.unknown("The licence could not be identified (" + snapshot.license().unknownReason()
                    + ").");
        }
        LicenseFacts license = snapshot.license().value();
        if (license.osiApproved()) {
            return Finding.met("The licence " + license.spdxExpression() + " is OSI-approved (SPDX licence list).",
                    IsLicenseFloss.licenseEvidence(snapshot, license));
        }
        return Finding.unmet("The licence " + license.spdxExpression() + " is not OSI-approved (SPDX licence list).",
                IsLicenseFloss.licenseEvidence(snapshot, license));
    }
}
