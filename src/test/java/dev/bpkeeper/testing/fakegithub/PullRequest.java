package dev.bpkeeper.testing.fakegithub;

import java.util.List;

/** A pull request as the fake holds it; {@code comments} are the bodies of issue comments posted on it, in order. */
public record PullRequest(int number, String title, String body, String state, String head, String base,
        String headSha, boolean draft, List<String> comments) {
}
