package dev.bpkeeper.snapshot;

/**
 * A git tag.
 *
 * @param signed whether the tag object carries a cryptographic signature (unknown when the gatherer did not
 *        read tag objects)
 */
public record Tag(String name, String commitSha, boolean annotated, Fact<Boolean> signed) {
}
