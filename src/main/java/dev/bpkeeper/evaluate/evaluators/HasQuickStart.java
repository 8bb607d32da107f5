package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Is there a quick-start guide that shows new users how to do something useful quickly? */
public final class HasQuickStart extends DocumentedTopic implements Evaluator {

    public HasQuickStart() {
        super(Topic.of("a quick start")
                .files(doc("quick[-_]?start(?:[-_]guide)?|getting[-_]started|tutorial"),
                        folder("quick[-_]?start|getting[-_]started|tutorials?"))
                .headings("quick ?start|getting started|get started|first steps|tutorial|hello,? world|usage"
                        + "|how to use|examples?")
                .missing("No quick-start guide (a Getting started, Quick start or Usage section, or a tutorial)"
                        + " was found"));
    }
}
