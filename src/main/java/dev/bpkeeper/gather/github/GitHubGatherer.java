package dev.bpkeeper.gather.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bpkeeper.gather.ContentSelection;
import dev.bpkeeper.gather.SnapshotAssembler;
import dev.bpkeeper.github.GitHubConfig;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.GitHubHttp;
import dev.bpkeeper.github.Hub4j;
import dev.bpkeeper.github.InstallationClient;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHRepositoryRule;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;

/**
 * Gathers a snapshot from GitHub with as few requests as possible: the recursive tree at the commit, one GraphQL
 * query (metadata, declared files, tags, releases, organisation defaults), and one REST call per settings fact an
 * evaluator needs. A fact the app may not read becomes Unknown, never Unmet.
 */
@ApplicationScoped
public class GitHubGatherer {
    static final String NOT_NEEDED = "not needed by any evaluator";

    @Inject
    GitHubConfig config;

    @Inject
    Clock clock;

    @Inject
    dev.bpkeeper.github.EtagCache etags;

    /**
     * Every repository the installation covers ("owner/name"), from GET /installation/repositories, 100 a page:
     * for the deliveries that do not list them (installation unsuspend).
     */
    public List<String> installationRepositories(InstallationClient client) {
        return Hub4j.call("repositories of installation " + client.installationId(),
                () -> client.gitHub().getInstallation().listRepositories().withPageSize(100).toList()).stream()
                .map(GHRepository::getFullName).toList();
    }

    /** The commit at the head of the default branch (for jobs that name none). */
    public Head head(InstallationClient client, String fullName) {
        String[] parts = split(fullName);
        JsonNode data = data(GitHubHttp.graphql(config.resolvedGraphqlUrl(), client.token(),
                SnapshotQuery.head(parts[0], parts[1]), config.requestTimeout()), fullName);
        JsonNode ref = data.path("repository").path("defaultBranchRef");
        if (ref.isMissingNode() || ref.isNull()) {
            throw new GitHubFailure(GitHubFailure.Kind.NOT_FOUND, 404, null, fullName + " has no default branch"
                    + " (empty repository)", null);
        }
        return new Head(ref.path("name").asText(), ref.path("target").path("oid").asText());
    }

    /** The default branch and its head commit. */
    public record Head(String branch, String sha) {
    }

    /**
     * A snapshot and the two facts the orchestrator needs to store it right.
     *
     * @param onDefaultBranchHead the commit is the head of the default branch (what the badge shows)
     * @param commitTime when the commit was made, if GitHub said
     * @param treeSha the commit's root tree, which a fix-up commit builds on
     * @param headSeenAt when GitHub's answer naming the default branch head arrived: of two evaluations that saw
     *        their commit heading the branch, the one that saw it later is the newer
     */
    public record Gathered(RepositorySnapshot snapshot, boolean onDefaultBranchHead, Optional<java.time.Instant> commitTime,
                           String treeSha, java.time.Instant headSeenAt) {
    }

    /**
     * @param repository the repository as fetched once for the whole job (hub4j fetches on every getRepository)
     */
    public Gathered gather(InstallationClient client, GHRepository repository, String sha, List<WantedFile> wanted,
                           Set<Need> needs) {
        String fullName = repository.getFullName();
        String[] parts = split(fullName);
        GHTree tree = Hub4j.call("tree of " + fullName, () -> repository.getTreeRecursive(sha, 1));
        FileTree fileTree = toFileTree(tree);
        // The forge's licence arrives in the same query as the files, so the licence sources are always asked for.
        List<String> paths = ContentSelection.select(fileTree, SnapshotAssembler.everythingRead(wanted));
        JsonNode data = data(GitHubHttp.graphql(config.resolvedGraphqlUrl(), client.token(), SnapshotQuery.build(
                parts[0], parts[1], sha, paths, needs.contains(Need.TAGS),
                needs.contains(Need.RELEASES), needs.contains(Need.ORG_COMMUNITY_FILES)), config.requestTimeout()),
                fullName);
        java.time.Instant headSeenAt = clock.instant();
        JsonNode repo = data.path("repository");
        if (repo.isMissingNode() || repo.isNull()) {
            throw new GitHubFailure(GitHubFailure.Kind.NOT_FOUND, 404, null, fullName + " is not visible to the app",
                    null);
        }
        Map<String, String> texts = SnapshotQuery.files(repo, paths);
        var metadata = SnapshotQuery.metadata(repo);
        String defaultBranch = metadata.defaultBranch().orElse("");
        RepositorySnapshot.Builder builder = RepositorySnapshot.builder(metadata.fullName().orElse(fullName),
                        clock.instant())
                .commitSha(Fact.known(sha))
                .versionControl(Fact.known("git"))
                .metadata(metadata)
                .tags(needs.contains(Need.TAGS) ? SnapshotQuery.tags(repo) : Fact.unknown(NOT_NEEDED))
                .releases(needs.contains(Need.RELEASES) ? SnapshotQuery.releases(repo) : Fact.unknown(NOT_NEEDED))
                .orgCommunityFiles(needs.contains(Need.ORG_COMMUNITY_FILES) ? SnapshotQuery.orgFiles(data)
                        : Fact.unknown(NOT_NEEDED))
                .orgContents(SnapshotQuery.orgContents(data))
                .history(Fact.unknown("commit history is not read through the API (it would cost requests)"))
                .branchRules(needs.contains(Need.BRANCH_RULES) && !defaultBranch.isEmpty()
                        ? branchRules(repository, defaultBranch) : Fact.unknown(NOT_NEEDED))
                .privateVulnerabilityReporting(needs.contains(Need.PRIVATE_VULNERABILITY_REPORTING)
                        ? privateVulnerabilityReporting(client, fullName) : Fact.unknown(NOT_NEEDED))
                .workflowTokenPermissions(needs.contains(Need.WORKFLOW_TOKEN_PERMISSIONS)
                        ? workflowTokenPermissions(client, fullName) : Fact.unknown(NOT_NEEDED));
        RepositorySnapshot snapshot = SnapshotAssembler.assemble(builder, fileTree, wanted,
                path -> Optional.ofNullable(texts.get(path)), SnapshotQuery.license(repo)).build();
        return new Gathered(snapshot, SnapshotQuery.defaultBranchHead(repo).map(sha::equals).orElse(false),
                SnapshotQuery.committedDate(repo), tree.getSha(), headSeenAt);
    }

    /**
     * A project in a sub-directory of the gathered repository (a monorepo's {@code paths}): at most one more
     * request, for the files the sub-directory adds.
     */
    public RepositorySnapshot gatherProject(InstallationClient client, RepositorySnapshot repository, String directory,
                                            List<WantedFile> wanted) {
        String fullName = repository.metadata().fullName().orElse(repository.name());
        String[] parts = split(fullName);
        String sha = repository.commitSha().value();
        return SnapshotAssembler.project(repository, directory, wanted, paths -> {
            JsonNode data = data(GitHubHttp.graphql(config.resolvedGraphqlUrl(), client.token(),
                    SnapshotQuery.files(parts[0], parts[1], sha, paths), config.requestTimeout()), fullName);
            return SnapshotQuery.files(data.path("repository"), paths);
        });
    }

    static FileTree toFileTree(GHTree tree) {
        Map<String, Long> paths = new HashMap<>();
        for (GHTreeEntry entry : tree.getTree()) {
            if ("blob".equals(entry.getType())) {
                paths.put(entry.getPath(), entry.getSize());
            }
        }
        return FileTree.of(paths, tree.isTruncated());
    }

    /** Rulesets and classic protection together, as GitHub applies them to the branch. */
    private Fact<BranchRules> branchRules(GHRepository repository, String branch) {
        try {
            List<GHRepositoryRule> rules = Hub4j.call("rules of " + repository.getFullName(),
                    () -> repository.listRulesForBranch(branch).toList());
            boolean pullRequest = false;
            int approvals = 0;
            boolean statusChecks = false;
            boolean deletion = false;
            boolean forcePush = false;
            for (GHRepositoryRule rule : rules) {
                switch (String.valueOf(rule.getType()).toLowerCase(java.util.Locale.ROOT)) {
                    case "pull_request" -> {
                        pullRequest = true;
                        Integer count = Hub4j.call("rule parameter", () -> rule.getParameter(
                                GHRepositoryRule.Parameters.REQUIRED_APPROVING_REVIEW_COUNT).orElse(0));
                        approvals = Math.max(approvals, count == null ? 0 : count);
                    }
                    case "required_status_checks" -> statusChecks = true;
                    case "deletion" -> deletion = true;
                    case "non_fast_forward" -> forcePush = true;
                    case "update" -> pullRequest = true;
                    default -> { }
                }
            }
            return Fact.known(new BranchRules(pullRequest, approvals, statusChecks, deletion, forcePush,
                    "rules in force on " + branch));
        } catch (GitHubFailure e) {
            if (e.isRetryable()) {
                throw e;
            }
            return Fact.unknown("the branch rules could not be read (" + e.getMessage() + ")");
        }
    }

    private Fact<Boolean> privateVulnerabilityReporting(InstallationClient client, String fullName) {
        try {
            JsonNode answer = GitHubHttp.get(config.apiUrl(), "/repos/" + fullName + "/private-vulnerability-reporting",
                    client.token(), config.requestTimeout(), etags,
                    dev.bpkeeper.github.GitHubClients.scope(client.installationId()));
            return Fact.known(answer.path("enabled").asBoolean(false));
        } catch (GitHubFailure e) {
            if (e.isRetryable()) {
                throw e;
            }
            return Fact.unknown("private vulnerability reporting could not be read (" + e.getMessage() + ")");
        }
    }

    private Fact<String> workflowTokenPermissions(InstallationClient client, String fullName) {
        if (!client.canRead(dev.bpkeeper.github.AppPermissions.ADMINISTRATION)) {
            return Fact.unknown("the app is not granted Administration: read, which this setting needs");
        }
        try {
            return Fact.known(GitHubHttp.get(config.apiUrl(), "/repos/" + fullName + "/actions/permissions/workflow",
                    client.token(), config.requestTimeout(), etags,
                    dev.bpkeeper.github.GitHubClients.scope(client.installationId()))
                    .path("default_workflow_permissions").asText());
        } catch (GitHubFailure e) {
            if (e.isRetryable()) {
                throw e;
            }
            return Fact.unknown("the workflow token setting could not be read (" + e.getMessage() + ")");
        }
    }

    /** GraphQL answers 200 with an "errors" list; a missing repository is NOT_FOUND, other errors are transient. */
    private static JsonNode data(JsonNode answer, String fullName) {
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty() && answer.path("data").path("repository").isNull()) {
            String type = errors.get(0).path("type").asText("");
            if (type.equals("NOT_FOUND")) {
                throw new GitHubFailure(GitHubFailure.Kind.NOT_FOUND, 404, null, fullName + " was not found", null);
            }
            if (type.equals("RATE_LIMITED")) {
                throw new GitHubFailure(GitHubFailure.Kind.RATE_LIMITED, 200, java.time.Duration.ofSeconds(60),
                        "GraphQL rate limit", null);
            }
            throw new GitHubFailure(GitHubFailure.Kind.TRANSIENT, 200, null, "GraphQL error: "
                    + errors.get(0).path("message").asText(), null);
        }
        return answer.path("data");
    }

    private static String[] split(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1) {
            throw new IllegalArgumentException("Not an owner/name: " + fullName);
        }
        return new String[] {fullName.substring(0, slash), fullName.substring(slash + 1)};
    }
}
