package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Optional;
import java.util.Set;

/** Does the project publish how to report a vulnerability (a security policy GitHub would show)? */
public final class HasSecurityPolicy implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.PRIVATE_VULNERABILITY_REPORTING, Need.ORG_COMMUNITY_FILES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> policy = Look.communityFile(snapshot, "security");
        if (policy.isPresent()) {
            return Finding.met("The security policy " + policy.get() + " explains how to report vulnerabilities.",
                    Look.evidence(snapshot, policy.get()));
        }
        Optional<String> orgPolicy = Look.orgCommunityFile(snapshot, "security");
        if (orgPolicy.isPresent()) {
            return Finding.met("The organisation's default security policy (" + orgPolicy.get()
                    + " in its .github repository) applies to this repository.");
        }
        if (snapshot.privateVulnerabilityReporting().orElse(false)) {
            return Finding.met("Private vulnerability reporting is enabled, so GitHub offers a reporting form.",
                    Look.page(snapshot, "/security/advisories/new", "report a vulnerability")).proposed();
        }
        String none = "No SECURITY file in the root, .github/ or docs/ explains how to report vulnerabilities.";
        // GitHub shows the owner's default policy (from its .github repository) on every repository without one;
        // where those defaults were not read, as in a local checkout, a missing file does not make the policy missing.
        if (!snapshot.orgCommunityFiles().isKnown()) {
            return Finding.unknown(none + " Whether the owner's .github repository publishes a default policy for"
                    + " it is not known (" + snapshot.orgCommunityFiles().unknownReason() + ").");
        }
        return Look.absent(snapshot, none);
    }
}
