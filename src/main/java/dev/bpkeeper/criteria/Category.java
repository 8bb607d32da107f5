package dev.bpkeeper.criteria;

/** How strongly a level asks for a criterion; decides whether an Unmet answer can still count. */
public enum Category {
    MUST,
    SHOULD,
    SUGGESTED
}
