package dev.bpkeeper.criteria;

import java.util.Optional;

/**
 * What to do when a criterion is not met.
 *
 * @param template a file under criteria/templates/ that satisfies the criterion once filled in
 * @param path where that file goes in the repository
 */
public record Remediation(String text, Optional<String> template, Optional<String> path) {
}
