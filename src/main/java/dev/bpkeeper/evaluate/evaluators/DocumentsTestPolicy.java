package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the project have a written policy that new functionality comes with automated tests? */
public final class DocumentsTestPolicy extends DocumentedTopic implements Evaluator {

    public DocumentsTestPolicy() {
        super(Topic.of("the rule that changes come with tests")
                .headings("test(?:ing)? (?:policy|requirements)|tests? (?:are )?required")
                .phrases("\\b(?:must|should|shall|please|need to|needs to|required to|expected to|make sure to"
                                + "|remember to|don'?t forget to)\\s+(?:\\w+\\s+){0,3}?(?:add|include|write|provide"
                                + "|come with|be accompanied by|update)\\s+(?:\\w+\\s+){0,4}?tests?\\b",
                        "\\b(?:new|all|any|every)\\s+(?:\\w+\\s+){0,3}?(?:features?|functionality|code|changes?"
                                + "|contributions?|pull requests?|PRs?|bug ?fix(?:es)?)\\b[^.\\n]{0,80}\\b(?:must|should"
                                + "|need to|needs to|are expected to|are required to|have to|has to|requires?)\\b"
                                + "[^.\\n]{0,40}\\b(?:add|include|including|come with|accompanied by|covered by|have"
                                + "|with|new|unit|corresponding|appropriate|relevant)\\b[^.\\n]{0,30}\\btests?\\b",
                        "\\b(?:new |additional |unit |automated )?tests? (?:are|is) (?:required|mandatory)\\b",
                        "\\bwithout (?:\\w+ )?tests (?:will|won'?t|cannot|can'?t|may|are|is)\\b",
                        "^\\s*[-*]\\s*\\[[ xX]?\\]\\s*(?:I (?:have )?)?(?:added|updated|written|wrote|included|"
                                + "includes?|adds?) (?:\\w+ ){0,3}?tests?\\b")
                .orgUnread("contributing|contribute")
                .missing("No contribution guide, pull-request template or documentation asks for tests with new"
                        + " functionality"));
    }
}
