package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the contribution guide state what makes a contribution acceptable (style, tests, checks, sign-off)? */
public final class StatesContributionRequirements extends DocumentedTopic implements Evaluator {

    public StatesContributionRequirements() {
        super(Topic.of("what an acceptable contribution needs")
                // Only the guide and the template: a README's "Code style" may describe the product, not contributions.
                .searchedIn("contribut|pull_request_template", "the contribution guide and the pull-request template")
                .headings("(?:coding|code) (?:style|standards?|conventions?|guidelines|quality)|style ?guides?"
                        + "|(?:pull request|pr|patch|submission|contribution|commit) (?:requirements|guidelines"
                        + "|checklist|conventions|process)|requirements|checklist|before (?:you )?submitting"
                        + "|conventions|linting|formatting|sign(?:ing)?[- ]off|developer certificate of origin|dco"
                        + "|what (?:a|your|each) (?:pull request|pr|change|patch|contribution) needs")
                .phrases("\\b(?:must|should|need to|needs to|are expected to|required to|make sure|ensure|please)\\b"
                                + "[^.\\n]{0,60}\\b(?:tests?|lint\\w*|format\\w*|style|checks?|sign(?:ed)?[- ]off"
                                + "|conventional commits|changelog)\\b",
                        "^\\s*[-*]\\s*\\[[ xX]?\\]\\s+\\S",
                        "\\bcomes? with (?:an? )?(?:automated |unit |regression )?tests?\\b")
                .orgUnread("contributing|contribute")
                .missing("No contribution guide or pull-request template states the requirements for acceptable"
                        + " contributions (coding style, tests, passing checks, sign-off)"));
    }
}
