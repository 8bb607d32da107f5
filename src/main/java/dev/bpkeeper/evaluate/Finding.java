package dev.bpkeeper.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * What an evaluator concluded from a snapshot: the answer, a sentence a maintainer can paste into
 * bestpractices.dev, and the evidence behind it.
 */
public record Finding(Status status, String justification, List<Evidence> evidence, Confidence confidence) {

    public Finding {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(justification, "justification");
        evidence = List.copyOf(evidence);
    }

    public static Finding met(String justification, Evidence... evidence) {
        return new Finding(Status.MET, justification, List.of(evidence), Confidence.DECISIVE);
    }

    public static Finding unmet(String justification, Evidence... evidence) {
        return new Finding(Status.UNMET, justification, List.of(evidence), Confidence.DECISIVE);
    }

    public static Finding notApplicable(String justification, Evidence... evidence) {
        return new Finding(Status.NOT_APPLICABLE, justification, List.of(evidence), Confidence.DECISIVE);
    }

    public static Finding unknown(String why) {
        return new Finding(Status.UNKNOWN, why, List.of(), Confidence.PROPOSAL);
    }

    /** The same answer, offered as a proposal for a person to confirm. */
    public Finding proposed() {
        return new Finding(status, justification, evidence, Confidence.PROPOSAL);
    }
}
