package dev.bpkeeper.policy;

import dev.bpkeeper.evaluate.Status;

/**
 * A maintainer's own answer to one criterion, as written in a configuration file.
 *
 * @param id the criterion id as written (upstream's field prefix or the OSPS id)
 * @param status Met, Unmet or N/A
 * @param justification why, in the maintainer's words (mandatory)
 * @param file where it was written, for problems found later (unknown id, N/A not allowed, will not count)
 * @param line the line of the id; {@code statusLine} and {@code justificationLine} those of its two values
 */
public record Declaration(String id, Status status, String justification, String file, int line, int statusLine,
                          int justificationLine) {
}
