package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the documentation say which security properties users can rely on, and which they cannot? */
public final class DocumentsSecurityExpectations extends DocumentedTopic implements Evaluator {

    public DocumentsSecurityExpectations() {
        super(Topic.of("what users can and cannot expect in security")
                .files(doc("security[-_](?:model|considerations|guarantees|assumptions)|threat[-_]?model"))
                .headings("security (?:model|considerations|guarantees|properties|assumptions|goals|non-goals"
                        + "|boundar(?:y|ies)|features|scope|limitations|hardening|best practices)|threat model"
                        + "|trust model|(?:in|out[- ]of)[- ]scope|secure (?:usage|use|configuration|deployment"
                        + "|defaults)|what (?:is|isn'?t|is not) (?:considered )?(?:a )?(?:security )?"
                        + "(?:vulnerability|issue)")
                .phrases("\\b(?:does not|doesn'?t|cannot|can'?t|will not|won'?t|is not designed to|isn'?t designed"
                                + " to|is not intended to|not meant to) (?:protect|defend|guarantee|prevent|sandbox"
                                + "|secure|encrypt|sanitiz|authenticat)\\w*",
                        "\\b(?:assumes?|trusts?) (?:that )?(?:the |all )?(?:input|users?|callers?|environment|hosts?"
                                + "|network|operators?)\\b[^.\\n]{0,30}\\btrusted\\b")
                .hints("docs?/security/.+" + Look.DOC_ENDING, "%s is security documentation; confirm that it says"
                        + " what users can and cannot rely on.")
                .missing("No security model, security considerations or scope section says what users can and"
                        + " cannot rely on"));
    }
}
