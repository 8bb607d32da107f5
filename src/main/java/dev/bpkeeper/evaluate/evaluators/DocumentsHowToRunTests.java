package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the documentation explain how to run the tests (and when they run)? */
public final class DocumentsHowToRunTests extends DocumentedTopic implements Evaluator {

    public DocumentsHowToRunTests() {
        super(Topic.of("how to run the tests")
                .files(doc("testing|running[-_]tests|tests?[-_]guide"), folder("testing"))
                .headings("testing|tests?|test suite|running (?:the )?tests|how to (?:run )?test")
                .phrases(Ci.TEST_COMMAND.pattern())
                .alsoReading(Wanted.DEVELOPMENT_DOCS)
                .missing("No document explains how to run the tests (a testing section or a test command)"));
    }
}
