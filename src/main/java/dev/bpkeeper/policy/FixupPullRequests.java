package dev.bpkeeper.policy;

import java.util.List;
import java.util.Optional;

/**
 * Whether the app may open pull requests that add missing files, and which files.
 *
 * @param enabled false: never open one
 * @param files the repository paths a pull request may add or change; empty means every file the app proposes
 */
public record FixupPullRequests(boolean enabled, Optional<List<String>> files) {
    public static final FixupPullRequests DEFAULT = new FixupPullRequests(true, Optional.empty());

    public FixupPullRequests {
        files = files.map(List::copyOf);
    }

    /** Whether this path is among the files a fix-up may add, whether or not they are opened on their own. */
    public boolean mayAdd(String path) {
        return files.map(list -> list.stream().anyMatch(f -> f.equalsIgnoreCase(path))).orElse(true);
    }

    /** Whether a pull request may touch this repository path. */
    public boolean allows(String path) {
        return enabled && mayAdd(path);
    }
}
