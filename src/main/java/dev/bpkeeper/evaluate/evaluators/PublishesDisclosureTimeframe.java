package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the vulnerability disclosure policy give a response timeframe (e.g. "we reply within 3 business days")? */
public final class PublishesDisclosureTimeframe extends DocumentedTopic implements Evaluator {
    private static final String DURATION = "(?:\\d+|one|two|three|four|five|seven|ten|fourteen|thirty|sixty|ninety)"
            + "\\s*(?:-\\s*\\d+\\s*)?(?:business |working |calendar )?(?:days?|hours?|weeks?|months?)\\b";

    public PublishesDisclosureTimeframe() {
        super(Topic.of("a vulnerability response timeframe")
                .searchedIn("security|vulnerab|disclos", "the security policy and security documents")
                .phrases("\\b(?:within|in|after|up to|no (?:more|later) than|at most)\\s+" + DURATION,
                        "\\b\\d+[- ]days? (?:disclosure|deadline|embargo|window|policy)\\b",
                        "\\b(?:disclos\\w*|acknowledg\\w*|respon\\w*|repl(?:y|ies)|triag\\w*)\\b"
                                + "[^.\\n]{0,60}\\b" + DURATION,
                        "\\|\\s*\\d+\\s*(?:business |working )?(?:days?|hours?|weeks?)\\s*\\|")
                .orgUnread("security")
                .missing("No security policy states a response or disclosure timeframe (for example \"we"
                        + " acknowledge reports within 3 business days\")"));
    }
}
