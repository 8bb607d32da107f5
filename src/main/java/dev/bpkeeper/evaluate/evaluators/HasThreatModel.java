package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Has the project carried out threat modelling and attack-surface analysis, and written it down? */
public final class HasThreatModel extends DocumentedTopic implements Evaluator {

    public HasThreatModel() {
        super(Topic.of("a threat model")
                .files(doc("threat[-_]?model(?:l?ing|s)?|attack[-_]surface(?:[-_]analysis)?|security[-_]model"),
                        folder("threat[-_]?models?|threat[-_]?modell?ing"),
                        ".*\\.tm7", "(docs?/)?([^/]+/)?[^/]*threat[-_]?model[^/]*\\.(json|ya?ml|pdf)")
                .headings("threat model(?:l?ing)?|attack surface|threats?(?: and mitigations)?|STRIDE"
                        + "|trust boundar(?:y|ies)")
                // A pointer to a threat model kept elsewhere; "we have no threat model" must not count.
                .phrases("\\bthreat model(?:l?ing)?\\b[^.\\n]{0,60}(?:https?://|\\.md\\b)")
                .missing("No threat model or attack-surface analysis was found"));
    }
}
