package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.FileTree;
import java.util.Optional;

/** The path nearest the root among those offered, the first in name order between equally deep ones. */
final class Shallowest {
    private String path;

    void offer(String candidate) {
        if (path == null || FileTree.shallowerFirst(candidate, path) < 0) {
            path = candidate;
        }
    }

    Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
