package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;

/** Must everyone who can change the repository use two-factor authentication? */
public final class EnforcesTwoFactorAuthentication implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!Look.onGitHubCom(snapshot)) {
            return Finding.unknown("The repository is not known to be on github.com, so whether its host requires"
                    + " two-factor authentication is not known.");
        }
        // The organisation setting (two_factor_requirement_enabled) is visible to its admins only.
        return Finding.met("The repository is on github.com, which has required two-factor authentication of every"
                + " account that contributes code since 2023.").proposed();
    }
}
