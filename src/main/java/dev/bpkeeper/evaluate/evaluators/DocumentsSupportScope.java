package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the documentation say which releases are supported, for how long, and when security fixes stop? */
public final class DocumentsSupportScope extends DocumentedTopic implements Evaluator {

    public DocumentsSupportScope() {
        super(Topic.of("which releases are supported and for how long")
                // Not SUPPORT.md: GitHub's SUPPORT file says where to ask for help, not how long releases live.
                .files(doc("supported[-_]versions|support[-_](?:policy|lifecycle|matrix)|eol|end[-_]of[-_]life|lts"
                        + "|release[-_]policy|maintenance[-_]policy|versioning[-_]policy"))
                .headings("supported versions|support(?:ed)? (?:policy|lifecycle|period|matrix|schedule|timeline)"
                        + "|version support|end[- ]of[- ]life|EOL|long[- ]term support|LTS|maintenance (?:policy"
                        + "|period|window|schedule)|release (?:support|lifecycle|policy)|security (?:updates|support"
                        + "|fixes) (?:policy|period)")
                .phrases("\\b(?:only )?(?:the )?(?:latest|most recent|current|last (?:two|three|\\d+))\\s+(?:\\w+\\s+)"
                                + "{0,2}?(?:releases?|versions?|majors?|minors?|release lines?)\\b[^.\\n]{0,40}\\b(?:are"
                                + "|is|will be|receives?|gets?)\\s+(?:\\w+\\s+){0,2}?(?:supported|maintained"
                                + "|security (?:updates|fixes|patches))",
                        "\\bsupported (?:for|until) (?:\\d+|one|two|three|six|twelve|eighteen)\\b")
                .orgUnread("security")
                .notApplicableWithoutReleases()
                .missing("No supported-versions table or support policy says which releases get (security) fixes"
                        + " and until when"));
    }
}
