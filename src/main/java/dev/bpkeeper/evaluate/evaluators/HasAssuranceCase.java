package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Is there an assurance case: threat model, trust boundaries, secure design and how common weaknesses are countered? */
public final class HasAssuranceCase extends DocumentedTopic implements Evaluator {

    public HasAssuranceCase() {
        super(Topic.of("an assurance case")
                .files(doc("assurance[-_]?case|security[-_]assurance(?:[-_]case)?"), folder("assurance[-_]?case"))
                .headings("assurance case|security assurance|trust boundar(?:y|ies)|secure design(?: principles)?"
                        + "|attack surface")
                .phrases("\\bassurance case\\b")
                .hints(doc("threat[-_]?model(?:l?ing|s)?|security[-_]model"), "%s is a threat model; an assurance"
                        + " case also argues the trust boundaries, secure design and how common weaknesses are"
                        + " countered, so confirm that it does.")
                .missing("No assurance case (threat model, trust boundaries, secure design principles and how common"
                        + " weaknesses are countered) was found"));
    }
}
