package dev.bpkeeper.act.fixup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bpkeeper.github.EtagCache;
import dev.bpkeeper.github.GitHubConfig;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.GitHubHttp;
import dev.bpkeeper.github.Hub4j;
import dev.bpkeeper.github.InstallationClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTreeBuilder;

/**
 * The GitHub side of fix-up pull requests, one request per step (hub4j where it has a method that takes no
 * extra read, plain REST otherwise). Only ever writes to {@link #BRANCH}; the
 * commit carries no author, so GitHub makes it as the app and marks it Verified.
 */
@Singleton
public class FixupPublisher {
    public static final String BRANCH = "openssf-best-practices/fixups";

    @Inject
    GitHubConfig config;

    /** A pull request as GitHub reports it now. */
    public record PullStatus(int number, boolean open, boolean merged, String headSha, boolean ours) {
    }

    /** One commit on top of {@code parentSha} adding {@code files}; returns its sha (the branch is not moved). */
    public String commit(GHRepository repo, String parentSha, String baseTreeSha, Map<String, String> files,
                         String message) {
        GHTreeBuilder tree = repo.createTree().baseTree(baseTreeSha);
        files.forEach((path, content) -> tree.add(path, content, false));
        String treeSha = Hub4j.call("create tree in " + repo.getFullName(), tree::create).getSha();
        return Hub4j.call("create commit in " + repo.getFullName(), () -> repo.createCommit().message(message)
                .tree(treeSha).parent(parentSha).create()).getSHA1();
    }

    /** @return false when the branch exists already (then nothing was changed) */
    public boolean createBranch(GHRepository repo, String sha) {
        try {
            Hub4j.call("create branch " + BRANCH, () -> repo.createRef("refs/heads/" + BRANCH, sha));
            return true;
        } catch (GitHubFailure e) {
            if (e.kind() == GitHubFailure.Kind.REJECTED) {
                return false;
            }
            throw e;
        }
    }

    /** Points the branch at a new commit, which replaces the app's earlier one. */
    public void moveBranch(InstallationClient client, String fullName, String sha) {
        GitHubHttp.write("PATCH", config.apiUrl(), refPath(fullName), Map.of("sha", sha, "force", true),
                client.token(), config.requestTimeout());
    }

    /** Deletes the branch; one that is gone already is fine. */
    public void deleteBranch(InstallationClient client, String fullName) {
        try {
            GitHubHttp.write("DELETE", config.apiUrl(), refPath(fullName), null, client.token(),
                    config.requestTimeout());
        } catch (GitHubFailure e) {
            if (e.kind() != GitHubFailure.Kind.REJECTED && e.kind() != GitHubFailure.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    /**
     * Whether the branch holds nothing but one commit the app made on top of {@code parentSha}: what is left when
     * GitHub created the branch but its answer was lost, so the app may carry on with it.
     */
    public boolean holdsOnlyOwnCommitOn(InstallationClient client, String fullName, String parentSha) {
        try {
            String head = GitHubHttp.get(config.apiUrl(), refPath(fullName).replace("/git/refs/", "/git/ref/"),
                    client.token(), config.requestTimeout(), EtagCache.NONE, "").path("object").path("sha").asText();
            JsonNode commit = GitHubHttp.get(config.apiUrl(), "/repos/" + fullName + "/git/commits/" + head,
                    client.token(), config.requestTimeout(), EtagCache.NONE, "");
            JsonNode parents = commit.path("parents");
            return parents.size() == 1 && parentSha.equals(parents.get(0).path("sha").asText())
                    && commit.path("message").asText().strip().endsWith(PullRequestText.COMMIT_SIGNATURE);
        } catch (GitHubFailure e) {
            if (e.kind() == GitHubFailure.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    public int openPull(GHRepository repo, String base, String title, String body) {
        return Hub4j.call("open fix-up pull request in " + repo.getFullName(),
                () -> repo.createPullRequest(title, BRANCH, base, body, true, false)).getNumber();
    }

    public PullStatus pull(GHRepository repo, int number) {
        GHPullRequest pull = Hub4j.call("pull request #" + number, () -> repo.getPullRequest(number));
        return status(pull);
    }

    /** The app's open pull request from its branch, recognised by the marker in its body. */
    public Optional<PullStatus> findOpen(GHRepository repo) {
        return Hub4j.call("pull requests from " + BRANCH, () -> repo.queryPullRequests().state(GHIssueState.OPEN)
                .head(repo.getOwnerName() + ":" + BRANCH).list().toList()).stream()
                .filter(p -> p.getBody() != null && p.getBody().contains(PullRequestText.MARKER))
                .findFirst().map(FixupPublisher::status);
    }

    public void describe(InstallationClient client, String fullName, int number, String title, String body) {
        GitHubHttp.write("PATCH", config.apiUrl(), "/repos/" + fullName + "/pulls/" + number,
                Map.of("title", title, "body", body), client.token(), config.requestTimeout());
    }

    public void close(InstallationClient client, String fullName, int number, String comment) {
        GitHubHttp.write("POST", config.apiUrl(), "/repos/" + fullName + "/issues/" + number + "/comments",
                Map.of("body", comment), client.token(), config.requestTimeout());
        GitHubHttp.write("PATCH", config.apiUrl(), "/repos/" + fullName + "/pulls/" + number,
                Map.of("state", "closed"), client.token(), config.requestTimeout());
    }

    private static PullStatus status(GHPullRequest pull) {
        return Hub4j.call("pull request #" + pull.getNumber(), () -> new PullStatus(pull.getNumber(),
                pull.getState() == GHIssueState.OPEN, pull.isMerged(), pull.getHead().getSha(),
                pull.getBody() != null && pull.getBody().contains(PullRequestText.MARKER)));
    }

    private static String refPath(String fullName) {
        return "/repos/" + fullName + "/git/refs/heads/" + BRANCH;
    }
}
