package dev.bpkeeper.gather.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bpkeeper.gather.ContentSelection;
import dev.bpkeeper.gather.SnapshotAssembler;
import dev.bpkeeper.github.EtagCache;
import dev.bpkeeper.github.GitHubClients;
import dev.bpkeeper.github.GitHubConfig;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.GitHubHttp;
import dev.bpkeeper.github.GraphQlAnswer;
import dev.bpkeeper.github.Hub4j;
import dev.bpkeeper.github.InstallationClient;
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

/**
 * Gathers a snapshot from GitHub with as few requests as possible: the recursive tree at the commit, one GraphQL
 * query (metadata, declared files, branch rules, tags, releases, organisation defaults), and one REST call per
 * settings fact GraphQL does not offer. A fact the app may not read becomes Unknown, never Unmet.
 */
@ApplicationScoped
public class GitHubGatherer {
    static final String NOT_NEEDED = "not needed by any evaluator";

    @Inject
    GitHubConfig config;

    @Inject
    Clock clock;

    @Inject
    EtagCache etags;

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
        JsonNode repo = repository(query(client, SnapshotQuery.head(parts[0], parts[1])), fullName);
        JsonNode ref = repo.path("defaultBranchRef");
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
     * A snapshot and what the orchestrator needs to store it and act on it.
     *
     * @param repository the repository as hub4j's handle for the writes (check run, fix-up), built from the
     *        GraphQL answer: no request of its own
     * @param onDefaultBranchHead the commit is the head of the default branch (what the badge shows)
     * @param commitTime when the commit was made, if GitHub said
     * @param treeSha the commit's root tree, which a fix-up commit builds on
     * @param headSeenAt when GitHub's answer naming the default branch head arrived: of two evaluations that saw
     *        their commit heading the branch, the one that saw it later is the newer
     */
    public record Gathered(RepositorySnapshot snapshot, GHRepository repository, boolean onDefaultBranchHead,
                           Optional<java.time.Instant> commitTime, String treeSha, java.time.Instant headSeenAt) {
    }

    /**
     * At most four requests: the recursive tree, one GraphQL query (metadata, files, branch rules, tags, releases,
     * organisation defaults), private vulnerability reporting and the workflow token setting (these two answer
     * 304 when unchanged, which costs no rate limit). A new annotated tag adds one request, once: its signature.
     */
    public Gathered gather(InstallationClient client, String fullName, String sha, List<WantedFile> wanted,
                           Set<Need> needs) {
        String[] parts = split(fullName);
        JsonNode tree = GitHubHttp.get(config.apiUrl(), "/repos/" + fullName + "/git/trees/" + sha + "?recursive=1",
                client.token(), config.requestTimeout(), EtagCache.NONE, GitHubClients.scope(client.installationId()));
        FileTree fileTree = toFileTree(tree);
        // The forge's licence arrives in the same query as the files, so the licence sources are always asked for.
        List<String> paths = ContentSelection.select(fileTree, SnapshotAssembler.everythingRead(wanted));
        GraphQlAnswer answer = query(client, SnapshotQuery.build(parts[0], parts[1], sha, paths,
                needs.contains(Need.TAGS), needs.contains(Need.RELEASES), needs.contains(Need.ORG_COMMUNITY_FILES),
                needs.contains(Need.BRANCH_RULES)));
        java.time.Instant headSeenAt = clock.instant();
        JsonNode repo = repository(answer, fullName);
        JsonNode data = answer.data();
        Map<String, String> texts = SnapshotQuery.files(repo, paths);
        var metadata = SnapshotQuery.metadata(repo);
        RepositorySnapshot.Builder builder = RepositorySnapshot.builder(metadata.fullName().orElse(fullName),
                        clock.instant())
                .commitSha(Fact.known(sha))
                .versionControl(Fact.known("git"))
                .metadata(metadata)
                .tags(needs.contains(Need.TAGS) ? partial(answer, "tags",
                        () -> SnapshotQuery.tags(repo, tagSignatures(client, fullName, repo)))
                        : Fact.unknown(NOT_NEEDED))
                .releases(needs.contains(Need.RELEASES) ? partial(answer, "releases", () -> SnapshotQuery.releases(repo))
                        : Fact.unknown(NOT_NEEDED))
                .orgCommunityFiles(needs.contains(Need.ORG_COMMUNITY_FILES) ? SnapshotQuery.orgFiles(data)
                        : Fact.unknown(NOT_NEEDED))
                .orgContents(SnapshotQuery.orgContents(data))
                .history(Fact.unknown("commit history is not read through the API (it would cost requests)"))
                .branchRules(needs.contains(Need.BRANCH_RULES) ? partial(answer, "defaultBranchRef",
                        () -> SnapshotQuery.branchRules(repo)) : Fact.unknown(NOT_NEEDED))
                .privateVulnerabilityReporting(needs.contains(Need.PRIVATE_VULNERABILITY_REPORTING)
                        ? privateVulnerabilityReporting(client, fullName) : Fact.unknown(NOT_NEEDED))
                .workflowTokenPermissions(needs.contains(Need.WORKFLOW_TOKEN_PERMISSIONS)
                        ? workflowTokenPermissions(client, fullName) : Fact.unknown(NOT_NEEDED))
                .unreadable(SnapshotQuery.unreadable(answer, "repository", paths));
        RepositorySnapshot snapshot = SnapshotAssembler.assemble(builder, fileTree, wanted,
                path -> Optional.ofNullable(texts.get(path)), SnapshotQuery.license(repo)).build();
        return new Gathered(snapshot, Hub4j.repository(client.gitHub(), config.apiUrl(), repo),
                SnapshotQuery.defaultBranchHead(repo).map(sha::equals).orElse(false),
                SnapshotQuery.committedDate(repo), tree.path("sha").asText(), headSeenAt);
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
        Map<String, String> unreadable = new java.util.LinkedHashMap<>(repository.unreadable());
        RepositorySnapshot project = SnapshotAssembler.project(repository, directory, wanted, paths -> {
            GraphQlAnswer answer = query(client, SnapshotQuery.files(parts[0], parts[1], sha, paths));
            JsonNode repo = repository(answer, fullName);
            unreadable.putAll(SnapshotQuery.unreadable(answer, "repository", paths));
            return SnapshotQuery.files(repo, paths);
        });
        // The project's evaluators see paths from its own root; what lies outside it is not theirs to read.
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        Map<String, String> rooted = new java.util.LinkedHashMap<>();
        unreadable.forEach((path, reason) -> {
            if (path.startsWith(prefix)) {
                rooted.put(path.substring(prefix.length()), reason);
            }
        });
        return project.toBuilder().unreadable(rooted).build();
    }

    static FileTree toFileTree(JsonNode tree) {
        Map<String, Long> paths = new HashMap<>();
        for (JsonNode entry : tree.path("tree")) {
            if ("blob".equals(entry.path("type").asText())) {
                paths.put(entry.path("path").asText(), entry.path("size").asLong());
            }
        }
        return FileTree.of(paths, tree.path("truncated").asBoolean(false));
    }

    /** A fact GitHub failed to return beside the rest of the answer is Unknown with GitHub's words; else read. */
    private static <T> Fact<T> partial(GraphQlAnswer answer, String field, java.util.function.Supplier<Fact<T>> read) {
        return answer.problemAt("repository", field).<Fact<T>>map(p -> Fact.unknown(p.describe())).orElseGet(read);
    }

    /** How many annotated tags have their signature read: one, to keep a push within its request budget. */
    static final int SIGNATURES_READ = 1;

    /**
     * Whether the newest annotated tag carries a signature: GitHub's GraphQL offers none on a tag object, so it is
     * read from REST ({@code verification.signature}). A tag object never changes, so each is read once.
     */
    private Map<String, Fact<Boolean>> tagSignatures(InstallationClient client, String fullName, JsonNode repo) {
        Map<String, Fact<Boolean>> signatures = new HashMap<>();
        for (String tagSha : SnapshotQuery.newestAnnotatedTags(repo, SIGNATURES_READ)) {
            try {
                JsonNode tag = GitHubHttp.getImmutable(config.apiUrl(), "/repos/" + fullName + "/git/tags/" + tagSha,
                        client.token(), config.requestTimeout(), etags, GitHubClients.scope(client.installationId()));
                signatures.put(tagSha, Fact.known(tag.path("verification").hasNonNull("signature")));
            } catch (GitHubFailure e) {
                if (e.isRetryable()) {
                    throw e;
                }
                signatures.put(tagSha, Fact.unknown("the tag could not be read (" + e.getMessage() + ")"));
            }
        }
        return signatures;
    }

    private Fact<Boolean> privateVulnerabilityReporting(InstallationClient client, String fullName) {
        try {
            JsonNode answer = GitHubHttp.get(config.apiUrl(), "/repos/" + fullName + "/private-vulnerability-reporting",
                    client.token(), config.requestTimeout(), etags,
                    GitHubClients.scope(client.installationId()));
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
                    GitHubClients.scope(client.installationId()))
                    .path("default_workflow_permissions").asText());
        } catch (GitHubFailure e) {
            if (e.isRetryable()) {
                throw e;
            }
            return Fact.unknown("the workflow token setting could not be read (" + e.getMessage() + ")");
        }
    }

    private GraphQlAnswer query(InstallationClient client, String query) {
        return GitHubHttp.graphql(config.resolvedGraphqlUrl(), client.token(), query, config.requestTimeout());
    }

    /**
     * The answer's {@code repository}. When GitHub gave none: NOT_FOUND means gone or not visible to the app (let
     * go), FORBIDDEN a permission the installation lacks (given up, with GitHub's words), anything else a failure
     * while running that a retry may mend.
     */
    private static JsonNode repository(GraphQlAnswer answer, String fullName) {
        JsonNode repo = answer.data().path("repository");
        if (repo.isObject()) {
            return repo;
        }
        Optional<GraphQlAnswer.Problem> problem = answer.problemAt("repository");
        String type = problem.map(GraphQlAnswer.Problem::type).orElse("");
        String why = problem.map(GraphQlAnswer.Problem::describe).orElse("GitHub returned no repository");
        throw switch (type) {
            case "NOT_FOUND" -> new GitHubFailure(GitHubFailure.Kind.NOT_FOUND, 404, null,
                    fullName + " is not visible to the app (" + why + ")", null);
            case "FORBIDDEN" -> new GitHubFailure(GitHubFailure.Kind.FORBIDDEN, 403, null, fullName + ": " + why, null);
            default -> new GitHubFailure(GitHubFailure.Kind.TRANSIENT, 200, null, fullName + ": " + why, null);
        };
    }

    private static String[] split(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1) {
            throw new IllegalArgumentException("Not an owner/name: " + fullName);
        }
        return new String[] {fullName.substring(0, slash), fullName.substring(slash + 1)};
    }
}
