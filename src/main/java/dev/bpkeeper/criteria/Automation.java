package dev.bpkeeper.criteria;

/** How a criterion gets its answer in this app. */
public enum Automation {
    /** Our evidence is enough to answer on its own. */
    DECISIVE,
    /** We propose an answer with evidence; a person confirms. */
    PROPOSAL,
    /** Only a person can answer; we report Unknown. */
    HUMAN,
    /** Derived by scoring from the level below (achieve_passing, achieve_silver). */
    COMPUTED
}
