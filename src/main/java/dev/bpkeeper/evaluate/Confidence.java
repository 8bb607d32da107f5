package dev.bpkeeper.evaluate;

/** Whether an answer stands on its own evidence, or is a proposal a maintainer should confirm. */
public enum Confidence {
    DECISIVE,
    PROPOSAL
}
