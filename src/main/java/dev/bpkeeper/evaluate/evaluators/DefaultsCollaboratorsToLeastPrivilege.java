package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;

/** Do new collaborators get their permissions assigned explicitly, or start with the least privilege? */
public final class DefaultsCollaboratorsToLeastPrivilege implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.metadata().isOnGitHub()) {
            return Finding.unknown("The repository is not known to be on GitHub, so how its host grants permissions"
                    + " to new collaborators is not known.");
        }
        // An organisation's base permission applies to all members; only its admins can read it.
        return Finding.met("On GitHub every collaborator is invited with an explicitly chosen role; if the"
                + " repository belongs to an organisation, its base permission should be Read or No permission.")
                .proposed();
    }
}
