package dev.bpkeeper.criteria;

/**
 * What one level asks of a criterion. An id listed at several levels has one answer but a requirement per
 * level (crypto_weaknesses is a SHOULD at passing and a MUST with a justification at silver).
 */
public record Requirement(
        Level level,
        Category category,
        boolean naAllowed,
        boolean naJustificationRequired,
        boolean metUrlRequired,
        boolean metJustificationRequired) {
}
