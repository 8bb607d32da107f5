package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.FileTree;
import java.util.Optional;

/** The path nearest the root among those offered, the first in name order between equally deep ones. */
final class Shallowest {
    private String path;
    private int depth;

    void offer(String candidate) {
        offer(candidate, FileTree.depth(candidate));
    }

    /** For a caller that knows the depth already (every file of a directory shares it). */
    void offer(String candidate, int candidateDepth) {
        if (path == null || candidateDepth < depth || candidateDepth == depth && candidate.compareTo(path) < 0) {
            path = candidate;
            depth = candidateDepth;
        }
    }

    Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
