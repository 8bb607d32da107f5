package dev.bpkeeper.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * What the forge says about the repository (GitHub's repository object and a few neighbours). A local
 * checkout knows little of this, so most fields are often unknown.
 *
 * @param fullName "owner/name"
 * @param webUrl the repository's browser address, e.g. https://github.com/owner/name
 * @param isPrivate true for private and internal repositories
 * @param languages bytes of code per language, as GitHub's linguist counts them
 */
public record RepoMetadata(
        Fact<String> fullName,
        Fact<String> webUrl,
        Fact<String> description,
        Fact<String> homepage,
        Fact<Boolean> isPrivate,
        Fact<Boolean> archived,
        Fact<Boolean> fork,
        Fact<Boolean> hasIssues,
        Fact<Boolean> hasDiscussions,
        Fact<String> defaultBranch,
        Fact<Boolean> webCommitSignoffRequired,
        Fact<Instant> pushedAt,
        Fact<Map<String, Long>> languages) {

    public static RepoMetadata unknown(String reason) {
        return new RepoMetadata(Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason), Fact.unknown(reason),
                Fact.unknown(reason), Fact.unknown(reason));
    }

    /** True only when the repository is known to live on github.com (or a GitHub Enterprise host). */
    public boolean isOnGitHub() {
        return webUrl.isKnown() && webUrl.value().startsWith("https://") && webUrl.value().contains("github");
    }
}
