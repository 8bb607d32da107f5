package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Has a security review or assessment of the software been carried out (and published) in the last five years? */
public final class HasSecurityReview extends DocumentedTopic implements Evaluator {

    public HasSecurityReview() {
        super(Topic.of("a security review of the software (confirm it is less than five years old)")
                .files(doc("security[-_]?(?:audit|review|assessment)s?|audits?|pen(?:etration)?[-_]?test(?:ing|s)?"
                                + "(?:[-_]report)?"),
                        folder("audits?|security[-_]?(?:audits?|reviews?|assessments?)"),
                        "(docs?/)?([^/]+/)?[^/]*(audit|assessment|pentest|penetration)[^/]*\\.pdf")
                .headings("(?:security|third[- ]party|external|independent) (?:audits?|reviews?|assessments?)"
                        + "|audit reports?|penetration tests?|penetration testing|pentests?")
                .phrases("\\b(?:security (?:audit|review|assessment)|penetration test|pentest)s?\\b[^.\\n]{0,80}"
                                + "\\b(?:conducted|performed|completed|carried out|published|report)\\b",
                        "\\b(?:OSTIF|Cure53|Trail of Bits|X41 D-Sec|NCC Group|Include Security|Ada Logics|7ASecurity"
                                + "|Quarkslab|Doyensec|Open Source Technology Improvement Fund)\\b")
                .missing("No security audit, review or assessment report, and no mention of one, was found"));
    }
}
