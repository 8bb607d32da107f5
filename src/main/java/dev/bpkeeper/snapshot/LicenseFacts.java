package dev.bpkeeper.snapshot;

/**
 * The project's licence as an SPDX expression, with the approval facts the gatherer looked up in the SPDX
 * licence list (evaluators carry no licence data of their own).
 *
 * @param spdxExpression e.g. "Apache-2.0" or "MIT OR Apache-2.0"
 * @param source where it was found ("GitHub licence detection", "LICENSE", "pom.xml" ...)
 * @param evidencePath the file that states it, when there is one
 * @param osiApproved the expression is satisfiable using OSI-approved licences only
 * @param free the expression is satisfiable using OSI-approved or FSF-libre licences (FLOSS)
 */
public record LicenseFacts(
        String spdxExpression,
        String source,
        String evidencePath,
        boolean osiApproved,
        boolean free) {
}
