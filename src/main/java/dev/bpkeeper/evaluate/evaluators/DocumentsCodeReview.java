package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the project document how code review works, what reviewers check and what a change needs to be accepted? */
public final class DocumentsCodeReview extends DocumentedTopic implements Evaluator {

    public DocumentsCodeReview() {
        super(Topic.of("how code review works")
                .files(doc("reviewing|code[-_]?reviews?(?:[-_]guidelines?)?|review[-_](?:guidelines?|process|policy"
                        + "|checklist)|reviewers?"), folder("code[-_]?reviews?|reviewing"))
                // Not the README: "## Reviews" there may be about the product.
                .searchedIn("contribut|review|govern|develop|hacking|pull_request_template|maintainers|^docs?/",
                        "the contribution, governance and developer documents and docs/")
                .headings("code reviews?|review(?:ing)? (?:process|guidelines|checklist|policy|requirements)"
                        + "|reviewing (?:pull requests|changes|code|patches)|pull request (?:process|reviews?)"
                        + "|how (?:we|to) review|reviews?|approvals?")
                .phrases("\\b(?:pull requests?|PRs?|changes?|patches?|contributions?|commits?|merge requests?)\\s+"
                                + "(?:\\w+\\s+){0,3}?(?:must|need to|needs to|should|will|require|requires"
                                + "|are required to)\\s+(?:be\\s+)?(?:\\w+\\s+){0,2}?(?:reviewed|approved"
                                + "|get (?:an? )?(?:approv|review))",
                        "\\bat least (?:one|two|three|\\d+)\\s+(?:\\w+\\s+)?(?:approving\\s+)?(?:reviews?|approvals?"
                                + "|maintainers?|reviewers?|LGTMs?)\\b")
                .hints("((\\.github|docs?)/)?codeowners", "%s assigns reviewers; confirm that the documentation says"
                        + " what reviewers check and what a change needs to be accepted.")
                .alsoReading(Wanted.DEVELOPMENT_DOCS)
                .missing("No contribution guide or review document describes how code review works and what a"
                        + " change needs to be accepted"));
    }
}
