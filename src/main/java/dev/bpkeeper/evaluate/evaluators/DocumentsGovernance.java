package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the project document its governance: how decisions are made and who holds the key roles? */
public final class DocumentsGovernance extends DocumentedTopic implements Evaluator {

    public DocumentsGovernance() {
        super(Topic.of("the project's governance")
                .files(doc("governance"), folder("governance"))
                .headings("governance|decision[- ]making|how (?:are )?decisions (?:are )?(?:made|taken)|project"
                        + " (?:leadership|structure|organi[sz]ation)|steering committee")
                .phrases("\\bdecisions? (?:are|is) (?:made|taken|reached) (?:by|through|via|using|with|in)\\b",
                        "\\b(?:lazy consensus|technical steering committee|benevolent dictator|BDFL)\\b")
                .orgDefault("governance")
                .missing("No GOVERNANCE file or section describes how decisions are made and who holds the key"
                        + " roles"));
    }
}
