package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.History;
import dev.bpkeeper.snapshot.LicenseFacts;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepoMetadata;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import dev.bpkeeper.snapshot.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test fixture: "a repository with ..." as a snapshot, in the words the tests use.
 * <pre>Repo.onGitHub().withFile("SECURITY.md", "Report to ...").snapshot()</pre>
 * Files added with text are also "fetched"; files added without text exist only in the tree.
 */
public final class Repo {
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    public static final String WEB_URL = "https://github.com/acme/widget";

    private final Map<String, Long> tree = new LinkedHashMap<>();
    private final Map<String, String> contents = new LinkedHashMap<>();
    private final List<Workflow> workflows = new ArrayList<>();
    private boolean truncated;
    private RepositorySnapshot.Builder builder = RepositorySnapshot.builder("acme/widget", NOW);
    private RepoMetadata metadata;

    private Repo(RepoMetadata metadata) {
        this.metadata = metadata;
    }

    /** A public repository on GitHub about which nothing else is known yet: the common case. */
    public static Repo onGitHub() {
        Repo repo = new Repo(new RepoMetadata(Fact.known("acme/widget"), Fact.known(WEB_URL),
                Fact.known("Widgets for everyone"), Fact.known(""), Fact.known(false), Fact.known(false),
                Fact.known(false), Fact.known(true), Fact.known(false), Fact.known("main"), Fact.known(false),
                Fact.known(NOW.minusSeconds(86_400)), Fact.known(Map.of("Java", 10_000L))));
        // The gatherer reads the owner's .github repository on GitHub; none is the common case.
        repo.builder.commitSha(Fact.known(SHA)).versionControl(Fact.known("git")).orgCommunityFiles(Fact.known(Set.of()));
        return repo;
    }

    /** A plain directory: no git, no forge, nothing but files. */
    public static Repo localDirectory() {
        return new Repo(RepoMetadata.unknown("a local directory cannot tell"));
    }

    public Repo withFile(String path) {
        tree.put(path, 100L);
        return this;
    }

    public Repo withFiles(String... paths) {
        for (String path : paths) {
            withFile(path);
        }
        return this;
    }

    public Repo withFile(String path, String text) {
        tree.put(path, (long) text.length());
        contents.put(path, text);
        return this;
    }

    /** A GitHub Actions workflow, parsed as the gatherer would. */
    public Repo withWorkflow(String path, Set<String> triggers, String... runOrUsesLines) {
        List<Workflow.Step> steps = new ArrayList<>();
        for (String line : runOrUsesLines) {
            steps.add(line.startsWith("uses: ")
                    ? new Workflow.Step(Optional.of(line.substring(6)), Optional.empty(), "")
                    : new Workflow.Step(Optional.empty(), Optional.of(line), ""));
        }
        tree.put(path, 200L);
        workflows.add(new Workflow(path, triggers, Optional.empty(),
                List.of(new Workflow.Job("build", Optional.empty(), steps)), Optional.empty()));
        return this;
    }

    public Repo withWorkflow(Workflow workflow) {
        tree.put(workflow.path(), 200L);
        workflows.add(workflow);
        return this;
    }

    public Repo truncated() {
        truncated = true;
        return this;
    }

    public Repo metadata(RepoMetadata value) {
        metadata = value;
        return this;
    }

    public Repo privateRepository() {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(),
                metadata.homepage(), Fact.known(true), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), metadata.languages());
        return this;
    }

    /** The repository's description, as GitHub shows it under the name. */
    public Repo description(String value) {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), Fact.known(value), metadata.homepage(),
                metadata.isPrivate(), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), metadata.languages());
        return this;
    }

    /** The repository's website field; empty for none. */
    public Repo homepage(String value) {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(), Fact.known(value),
                metadata.isPrivate(), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), metadata.languages());
        return this;
    }

    public Repo archived() {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(),
                metadata.homepage(), metadata.isPrivate(), Fact.known(true), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), metadata.languages());
        return this;
    }

    /** Whether GitHub Issues and Discussions are switched on. */
    public Repo issuesAndDiscussions(boolean issues, boolean discussions) {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(),
                metadata.homepage(), metadata.isPrivate(), metadata.archived(), metadata.fork(), Fact.known(issues),
                Fact.known(discussions), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), metadata.languages());
        return this;
    }

    /** When something was last pushed, as GitHub reports it. */
    public Repo pushedAt(Instant value) {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(),
                metadata.homepage(), metadata.isPrivate(), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                Fact.known(value), metadata.languages());
        return this;
    }

    /** The repository's browser address, e.g. a GitHub Enterprise host. */
    public Repo webUrl(String value) {
        metadata = new RepoMetadata(metadata.fullName(), Fact.known(value), metadata.description(),
                metadata.homepage(), metadata.isPrivate(), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), metadata.languages());
        return this;
    }

    public Repo webCommitSignoffRequired(boolean value) {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(),
                metadata.homepage(), metadata.isPrivate(), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), Fact.known(value), metadata.pushedAt(),
                metadata.languages());
        return this;
    }

    /** A published GitHub release of the tag, with the given notes and asset names. */
    public static Release release(String tag, String body, String... assets) {
        return new Release(tag, tag, body, false, false, NOW.minusSeconds(86_400 * 30L), List.of(assets),
                WEB_URL + "/releases/tag/" + tag);
    }

    /** A draft release, which users cannot see. */
    public static Release draft(String tag) {
        return new Release(tag, tag, "Draft notes for the next release", true, false, null, List.of(), WEB_URL
                + "/releases/tag/" + tag);
    }

    /** An annotated tag whose signature was checked. */
    public static Tag annotatedTag(String name, boolean signed) {
        return new Tag(name, SHA, true, Fact.known(signed));
    }

    /** A commit history: how many commits, when the latest was, and commits per author in its last year. */
    public static History history(int commits, Instant latest, Map<String, Integer> authorsLastYear) {
        return new History(commits, true, latest.minusSeconds(86_400L * 365 * 3), latest, authorsLastYear, 0, 0);
    }

    /** A recent history in which {@code signedOff} of the {@code examined} latest commits carry Signed-off-by. */
    public static History signOffs(int signedOff, int examined) {
        return new History(examined, true, NOW.minusSeconds(86_400L * 365), NOW.minusSeconds(86_400),
                Map.of("ada", examined), signedOff, examined);
    }

    public Repo license(String spdx, boolean osi, boolean free) {
        builder.license(Fact.known(new LicenseFacts(spdx, "GitHub licence detection", "LICENSE", osi, free)));
        return this;
    }

    public Repo branchRules(BranchRules rules) {
        builder.branchRules(Fact.known(rules));
        return this;
    }

    public Repo privateVulnerabilityReporting(boolean enabled) {
        builder.privateVulnerabilityReporting(Fact.known(enabled));
        return this;
    }

    public Repo workflowTokenPermissions(String permissions) {
        builder.workflowTokenPermissions(Fact.known(permissions));
        return this;
    }

    public Repo tags(Tag... tags) {
        builder.tags(Fact.known(List.of(tags)));
        return this;
    }

    public Repo releases(Release... releases) {
        builder.releases(Fact.known(List.of(releases)));
        return this;
    }

    public Repo history(History history) {
        builder.history(Fact.known(history));
        return this;
    }

    public Repo orgCommunityFiles(String... paths) {
        builder.orgCommunityFiles(Fact.known(Set.of(paths)));
        return this;
    }

    /** Direct access for facts the shortcuts above do not cover. */
    public Repo with(java.util.function.UnaryOperator<RepositorySnapshot.Builder> change) {
        builder = change.apply(builder);
        return this;
    }

    public RepositorySnapshot snapshot() {
        return builder.tree(FileTree.of(tree, truncated)).contents(contents).workflows(workflows)
                .metadata(metadata).build();
    }

    /** GitHub's language counts (bytes per language); an empty map means GitHub found no code. */
    public Repo languages(Map<String, Long> bytesPerLanguage) {
        metadata = new RepoMetadata(metadata.fullName(), metadata.webUrl(), metadata.description(),
                metadata.homepage(), metadata.isPrivate(), metadata.archived(), metadata.fork(), metadata.hasIssues(),
                metadata.hasDiscussions(), metadata.defaultBranch(), metadata.webCommitSignoffRequired(),
                metadata.pushedAt(), Fact.known(Map.copyOf(bytesPerLanguage)));
        return this;
    }

    /** A workflow with explicit jobs, for tests about permissions and step inputs. */
    public static Workflow workflow(String path, Set<String> triggers, String permissions, Workflow.Job... jobs) {
        return new Workflow(path, triggers, Optional.ofNullable(permissions), List.of(jobs), Optional.empty());
    }

    /** A job; {@code permissions} null when the job declares none. */
    public static Workflow.Job job(String id, String permissions, Workflow.Step... steps) {
        return new Workflow.Job(id, Optional.ofNullable(permissions), List.of(steps));
    }

    public static Workflow.Step run(String script) {
        return new Workflow.Step(Optional.empty(), Optional.of(script), "");
    }

    /** A step using an action, {@code with} as "key: value" lines. */
    public static Workflow.Step uses(String action, String with) {
        return new Workflow.Step(Optional.of(action), Optional.empty(), with);
    }

    /** A lightweight tag on a commit, signature unknown. */
    public static Tag tag(String name) {
        return new Tag(name, SHA, false, Fact.unknown("not read"));
    }
}
