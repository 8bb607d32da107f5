package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of one repository on the fake: settings a test arranges with the fluent setters, git objects and refs, and
 * what the app did to it (check runs, pull requests, comments) for the test to read back.
 *
 * <p>Every public method locks the repository; the server locks it too while it answers a request about it, so a test
 * may arrange and inspect state while the app is talking to the fake.
 */
public final class FakeRepository {
    /** A release as arranged by a test. */
    record Release(long id, String tag, String name, String body, List<String> assets, Instant createdAt) {
    }

    final class CheckRunState {
        final long id;
        String name;
        String headSha;
        String status = "queued";
        String conclusion;
        String externalId = "";
        String detailsUrl;
        Instant startedAt;
        Instant completedAt;
        String title;
        String summary;
        String text;
        final List<JsonNode> annotations = new ArrayList<>();
        List<JsonNode> actions = List.of();
        final List<JsonNode> updates = new ArrayList<>();

        CheckRunState(long id) {
            this.id = id;
        }

        CheckRun view() {
            return new CheckRun(id, name, headSha, status, conclusion, externalId, detailsUrl, title, summary, text,
                    List.copyOf(annotations), List.copyOf(actions));
        }
    }

    final class PullState {
        final int number;
        final long id;
        String title;
        String body;
        String state = "open";
        final String head;
        String base;
        String lastHeadSha;
        boolean draft;
        boolean merged;
        String mergeCommitSha;
        boolean maintainerCanModify;
        final Instant createdAt;
        Instant updatedAt;
        Instant closedAt;
        final List<Comment> comments = new ArrayList<>();

        PullState(int number, long id, String head, Instant createdAt) {
            this.number = number;
            this.id = id;
            this.head = head;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        /** GitHub follows the head branch while it exists. */
        String headSha() {
            return git.resolveCommit("refs/heads/" + head).orElse(lastHeadSha);
        }

        PullRequest view() {
            return new PullRequest(number, title, body, state, head, base, headSha(), draft,
                    comments.stream().map(Comment::body).toList());
        }
    }

    record Comment(long id, String body, Instant createdAt) {
    }

    private final java.util.Set<String> unreadablePaths = new java.util.HashSet<>();
    private final String owner;
    private final String name;
    private final long id;
    private final Ids ids;
    final GitObjects git = new GitObjects();

    private boolean isPrivate;
    private boolean archived;
    private boolean fork;
    private String description;
    private String homepage;
    private String defaultBranch = "main";
    private boolean hasIssues = true;
    private boolean hasDiscussions;
    private String licenseSpdxId;
    private boolean webCommitSignoffRequired;
    private final Map<String, Long> languages = new LinkedHashMap<>();
    private boolean privateVulnerabilityReporting;
    private final Map<String, List<JsonNode>> branchRules = new TreeMap<>();
    private final Map<String, JsonNode> branchProtection = new TreeMap<>();
    private final List<Release> releases = new ArrayList<>();
    private final Set<String> binaryPaths = new TreeSet<>();
    private int truncateTreesAbove = Integer.MAX_VALUE;
    private Instant pushedAt = Instant.parse("2024-01-01T00:00:00Z");
    private final Map<Long, CheckRunState> checkRuns = new LinkedHashMap<>();
    private final Map<Integer, PullState> pulls = new LinkedHashMap<>();

    FakeRepository(String fullName, long id, Ids ids) {
        String[] parts = fullName.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("expected owner/name, got " + fullName);
        }
        this.owner = parts[0];
        this.name = parts[1];
        this.id = id;
        this.ids = ids;
    }

    public String fullName() {
        return owner + "/" + name;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public long id() {
        return id;
    }

    // ---- settings ----

    public synchronized FakeRepository makePrivate() {
        this.isPrivate = true;
        return this;
    }

    public synchronized FakeRepository makePublic() {
        this.isPrivate = false;
        return this;
    }

    public synchronized FakeRepository archived(boolean archived) {
        this.archived = archived;
        return this;
    }

    public synchronized FakeRepository fork(boolean fork) {
        this.fork = fork;
        return this;
    }

    public synchronized FakeRepository description(String description) {
        this.description = description;
        return this;
    }

    public synchronized FakeRepository homepage(String homepage) {
        this.homepage = homepage;
        return this;
    }

    public synchronized FakeRepository defaultBranch(String branch) {
        this.defaultBranch = branch;
        return this;
    }

    public synchronized FakeRepository hasIssues(boolean hasIssues) {
        this.hasIssues = hasIssues;
        return this;
    }

    public synchronized FakeRepository hasDiscussions(boolean hasDiscussions) {
        this.hasDiscussions = hasDiscussions;
        return this;
    }

    /** The licence GitHub detected, as an SPDX id ("MIT", "Apache-2.0", "NOASSERTION" for "Other"), or null for none. */
    public synchronized FakeRepository license(String spdxId) {
        this.licenseSpdxId = spdxId;
        return this;
    }

    public synchronized FakeRepository webCommitSignoffRequired(boolean required) {
        this.webCommitSignoffRequired = required;
        return this;
    }

    /** Bytes per language, as GitHub's linguist reports; the largest becomes the repository's {@code language}. */
    public synchronized FakeRepository languages(Map<String, Long> bytesByLanguage) {
        languages.clear();
        languages.putAll(bytesByLanguage);
        return this;
    }

    public synchronized FakeRepository privateVulnerabilityReporting(boolean enabled) {
        this.privateVulnerabilityReporting = enabled;
        return this;
    }

    /**
     * The rules that apply to a branch, each as {@code GET /repos/{o}/{r}/rules/branches/{branch}} lists it, e.g.
     * {@code Map.of("type", "pull_request", "parameters", Map.of("required_approving_review_count", 1, ...))}. The
     * ruleset source fields are filled in when missing.
     */
    public synchronized FakeRepository branchRules(String branch, List<Map<String, Object>> rules) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            ObjectNode node = (ObjectNode) Json.valueOf(rule);
            if (!node.has("ruleset_source_type")) {
                node.put("ruleset_source_type", "Repository");
            }
            if (!node.has("ruleset_source")) {
                node.put("ruleset_source", fullName());
            }
            if (!node.has("ruleset_id")) {
                node.put("ruleset_id", rulesetId());
            }
            fillRequiredParameters(node);
            nodes.add(node);
        }
        branchRules.put(branch, List.copyOf(nodes));
        return this;
    }

    /** GitHub always sends every parameter of these rules; tests may name only the ones they care about. */
    private static void fillRequiredParameters(ObjectNode rule) {
        String type = rule.path("type").asText();
        ObjectNode defaults = Json.object();
        if (type.equals("pull_request")) {
            defaults.put("dismiss_stale_reviews_on_push", false).put("require_code_owner_review", false)
                    .put("require_last_push_approval", false).put("required_approving_review_count", 0)
                    .put("required_review_thread_resolution", false);
            defaults.putArray("allowed_merge_methods").add("merge").add("squash").add("rebase");
        } else if (type.equals("required_status_checks")) {
            defaults.put("strict_required_status_checks_policy", false).putArray("required_status_checks");
        } else {
            return;
        }
        JsonNode given = rule.get("parameters");
        rule.set("parameters", given == null ? defaults : Json.merge(defaults, given));
    }

    /** Classic branch protection with GitHub's example settings. */
    public FakeRepository protectBranch(String branch) {
        return protectBranch(branch, "{}");
    }

    /**
     * Classic branch protection: GitHub's example settings deep-merged with {@code overridesJson}, e.g.
     * {@code {"required_pull_request_reviews":{"required_approving_review_count":2}}}.
     */
    public synchronized FakeRepository protectBranch(String branch, String overridesJson) {
        branchProtection.put(branch, Json.parse(overridesJson));
        return this;
    }

    /** As {@link #protectBranch(String, String)}, with the overrides as nested maps. */
    public synchronized FakeRepository protectBranch(String branch, Map<String, Object> overrides) {
        branchProtection.put(branch, Json.valueOf(overrides));
        return this;
    }

    public synchronized FakeRepository release(String tag, String name, String body, String... assetNames) {
        // Releases get their own clock so that arranging them does not change commit shas.
        Instant createdAt = Instant.parse("2024-06-01T00:00:00Z").plusSeconds(3600L * releases.size());
        releases.add(new Release(ids.next(), tag, name, body, List.of(assetNames), createdAt));
        return this;
    }

    /**
     * Makes GitHub fail to read this path through GraphQL ({@code object(expression: "<rev>:<path>")} is null, with
     * an error at its path beside the rest of the data), as GitHub does when one blob times out.
     */
    public synchronized FakeRepository failReading(String path) {
        unreadablePaths.add(normalise(path));
        return this;
    }

    boolean readFails(String path) {
        return unreadablePaths.contains(normalise(path));
    }

    /** Marks a path as binary: GraphQL reports {@code isBinary: true} and no text. Content with a NUL byte is too. */
    public synchronized FakeRepository binaryFile(String path) {
        binaryPaths.add(normalise(path));
        return this;
    }

    /** Trees with more entries than this are cut to the first {@code entries} and flagged {@code truncated}. */
    public synchronized FakeRepository truncateTreesAbove(int entries) {
        this.truncateTreesAbove = entries;
        return this;
    }

    // ---- git ----

    /**
     * Commits exactly {@code files} (path → UTF-8 content; the whole tree, not a change set) on top of the branch,
     * moves the branch there (creating it if needed) and returns the commit sha.
     */
    public String commit(String branch, Map<String, String> files, String message) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
        return commitBytes(branch, bytes, message);
    }

    /** Like {@link #commit}, with raw bytes, for binary files. */
    public synchronized String commitBytes(String branch, Map<String, byte[]> files, String message) {
        Map<String, GitObjects.FileEntry> flat = new TreeMap<>();
        files.forEach((path, content) -> flat.put(normalise(path),
                new GitObjects.FileEntry(GitObjects.FILE_MODE, git.putBlob(content))));
        String tree = git.writeTree(flat);
        String ref = "refs/heads/" + branch;
        List<String> parents = git.refs().containsKey(ref) ? List.of(git.refs().get(ref)) : List.of();
        Instant date = git.tick();
        String sha = git.putCommit(tree, parents, message, "Fake Committer", "committer@example.com", date);
        git.refs().put(ref, sha);
        pushedAt = date;
        return sha;
    }

    /** A lightweight tag, or an annotated tag object (optionally carrying a signature) pointing at {@code sha}. */
    public synchronized FakeRepository tag(String name, String sha, boolean annotated, boolean signed) {
        if (git.commit(sha).isEmpty()) {
            throw new IllegalArgumentException("no commit " + sha + " in " + fullName());
        }
        if (signed && !annotated) {
            throw new IllegalArgumentException("only annotated tags carry a signature");
        }
        String target = annotated ? git.putTag(name, sha, "Release " + name, signed) : sha;
        git.refs().put("refs/tags/" + name, target);
        return this;
    }

    // ---- what the app did ----

    public synchronized List<CheckRun> checkRuns() {
        return checkRuns.values().stream().map(CheckRunState::view).toList();
    }

    /** The bodies of every PATCH to a check run, in order. */
    public synchronized List<JsonNode> checkRunUpdates(long checkRunId) {
        CheckRunState run = checkRuns.get(checkRunId);
        return run == null ? List.of() : List.copyOf(run.updates);
    }

    public synchronized List<PullRequest> pullRequests() {
        return pulls.values().stream().map(PullState::view).toList();
    }

    /** A maintainer closes the pull request without merging it. */
    public synchronized void closePull(int number) {
        PullState pull = pull(number).orElseThrow();
        pull.lastHeadSha = pull.headSha();
        pull.state = "closed";
        pull.closedAt = Instant.now();
        pull.updatedAt = pull.closedAt;
    }

    /** A maintainer merges the pull request (a merge commit on the base branch with the head's files). */
    public synchronized String mergePull(int number) {
        PullState pull = pull(number).orElseThrow();
        String head = pull.headSha();
        String base = branch(pull.base).orElseThrow();
        String tree = git.commit(head).orElseThrow().tree();
        String sha = git.putCommit(tree, List.of(base, head), "Merge pull request #" + number, "Fake Maintainer",
                "maintainer@example.com", git.tick());
        git.refs().put("refs/heads/" + pull.base, sha);
        pull.lastHeadSha = head;
        pull.merged = true;
        pull.mergeCommitSha = sha;
        pull.state = "closed";
        pull.closedAt = Instant.now();
        pull.updatedAt = pull.closedAt;
        pushedAt = pull.closedAt;
        return sha;
    }

    /** A force push: the branch points at {@code sha}, a commit the repository already has (e.g. a revert). */
    public synchronized FakeRepository resetBranch(String branch, String sha) {
        if (git.commit(sha).isEmpty()) {
            throw new IllegalArgumentException("no commit " + sha + " in " + fullName());
        }
        git.refs().put("refs/heads/" + branch, sha);
        pushedAt = Instant.now();
        return this;
    }

    /** The commit a branch points at. */
    public synchronized Optional<String> branch(String branch) {
        return Optional.ofNullable(git.refs().get("refs/heads/" + branch));
    }

    /** A file's UTF-8 content at a branch, tag or commit. */
    public synchronized Optional<String> fileAt(String ref, String path) {
        return git.resolveCommit(ref).flatMap(git::commit)
                .flatMap(c -> git.lookup(c.tree(), normalise(path)))
                .filter(e -> e.type().equals("blob"))
                .flatMap(e -> git.blob(e.sha()))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    // ---- for the routes (callers hold the lock) ----

    boolean isPrivate() {
        return isPrivate;
    }

    boolean isArchived() {
        return archived;
    }

    boolean isFork() {
        return fork;
    }

    String descriptionText() {
        return description;
    }

    String homepageUrl() {
        return homepage;
    }

    String defaultBranchName() {
        return defaultBranch;
    }

    boolean issuesEnabled() {
        return hasIssues;
    }

    boolean discussionsEnabled() {
        return hasDiscussions;
    }

    String licenseSpdxId() {
        return licenseSpdxId;
    }

    boolean signoffRequired() {
        return webCommitSignoffRequired;
    }

    Optional<String> primaryLanguage() {
        return languages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    Map<String, Long> languageBytes() {
        return Map.copyOf(languages);
    }

    boolean vulnerabilityReportingEnabled() {
        return privateVulnerabilityReporting;
    }

    List<JsonNode> rulesFor(String branch) {
        return branchRules.getOrDefault(branch, List.of());
    }

    boolean hasAnyRules() {
        return !branchRules.isEmpty();
    }

    long rulesetId() {
        return 1000 + id % 1000;
    }

    Optional<JsonNode> protectionFor(String branch) {
        return Optional.ofNullable(branchProtection.get(branch));
    }

    List<Release> releaseList() {
        return List.copyOf(releases);
    }

    boolean isBinary(String path, byte[] content) {
        if (binaryPaths.contains(normalise(path))) {
            return true;
        }
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    int treeLimit() {
        return truncateTreesAbove;
    }

    Instant pushedAt() {
        return pushedAt;
    }

    void pushed(Instant at) {
        pushedAt = at;
    }

    CheckRunState newCheckRun() {
        CheckRunState run = new CheckRunState(ids.next());
        checkRuns.put(run.id, run);
        return run;
    }

    Optional<CheckRunState> checkRun(long checkRunId) {
        return Optional.ofNullable(checkRuns.get(checkRunId));
    }

    List<CheckRunState> checkRunStates() {
        return List.copyOf(checkRuns.values());
    }

    PullState newPull(String head, Instant at) {
        PullState pull = new PullState(pulls.size() + 1, ids.next(), head, at);
        pulls.put(pull.number, pull);
        return pull;
    }

    Optional<PullState> pull(int number) {
        return Optional.ofNullable(pulls.get(number));
    }

    List<PullState> pullStates() {
        return List.copyOf(pulls.values());
    }

    Comment addComment(PullState pull, String body, Instant at) {
        Comment comment = new Comment(ids.next(), body, at);
        pull.comments.add(comment);
        return comment;
    }

    static String normalise(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return String.join("/", Arrays.stream(p.split("/+")).toList());
    }
}
