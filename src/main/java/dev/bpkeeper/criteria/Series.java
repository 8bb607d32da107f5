package dev.bpkeeper.criteria;

/** The two badge series of bestpractices.dev. */
public enum Series {
    METAL,
    BASELINE
}
