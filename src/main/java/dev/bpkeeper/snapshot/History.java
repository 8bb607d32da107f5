package dev.bpkeeper.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * A summary of the commit history reachable from the evaluated commit, bounded by the gatherer.
 *
 * @param commitsExamined how many commits were walked (capped)
 * @param complete true when the walk reached the first commit (the cap was not hit)
 * @param latestCommitAt committer time of the evaluated commit
 * @param authorsLastYear commits per author identity in the 365 days before the latest commit
 * @param signedOffRecent of the most recent commits examined for sign-off, how many carry Signed-off-by
 * @param recentExamined how many recent commits were examined for sign-off
 */
public record History(
        int commitsExamined,
        boolean complete,
        Instant firstCommitAt,
        Instant latestCommitAt,
        Map<String, Integer> authorsLastYear,
        int signedOffRecent,
        int recentExamined) {

    public History {
        authorsLastYear = Map.copyOf(authorsLastYear);
    }
}
