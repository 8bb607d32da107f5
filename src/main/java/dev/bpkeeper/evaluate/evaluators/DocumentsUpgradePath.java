package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the project document an upgrade path to newer versions (or which older versions it still maintains)? */
public final class DocumentsUpgradePath extends DocumentedTopic implements Evaluator {

    public DocumentsUpgradePath() {
        super(Topic.of("how to upgrade between versions")
                .files(doc("upgrad(?:e|es|ing)(?:[-_]guide)?|migrat(?:e|ing|ions?)(?:[-_]guides?)?"),
                        folder("upgrad(?:e|es|ing)|migrat(?:e|ing|ions?)(?:[-_]guides?)?"))
                .headings("upgrad(?:e|es|ing)|migrat(?:e|ing|ion|ions)|breaking changes|supported versions"
                        + "|backwards? compatib(?:ility|le)|deprecation policy|version(?:ing)? policy"
                        + "|long[- ]term support|LTS")
                .missing("No upgrade or migration guide, supported-versions table or breaking-changes section was"
                        + " found"));
    }
}
