package dev.bpkeeper.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything evaluators may know about one repository at one commit: the only input of the evaluate room.
 * Immutable; built by a gatherer (local checkout or GitHub API), which does all the I/O.
 *
 * @param name how to call the project in reports ("owner/name", or a directory name)
 * @param commitSha the evaluated commit, unknown for a directory that is not a git checkout
 * @param observedAt when the facts were gathered; evaluators use it instead of a clock
 * @param versionControl "git" when the project is kept in git
 * @param contents text of the files evaluators declared (see {@link WantedFile}), by path
 * @param orgContents text of the files read from the organisation's {@code .github} repository, by path (its
 *        defaults); known and empty when that repository has none of them
 * @param unreadable declared files that are in the tree but whose text could not be read, with the reason: an
 *        evaluator that reads one of them cannot tell, and says so
 */
public record RepositorySnapshot(
        String name,
        Fact<String> commitSha,
        Instant observedAt,
        Fact<String> versionControl,
        FileTree tree,
        Map<String, String> contents,
        RepoMetadata metadata,
        Fact<LicenseFacts> license,
        List<Workflow> workflows,
        Fact<BranchRules> branchRules,
        Fact<Boolean> privateVulnerabilityReporting,
        Fact<String> workflowTokenPermissions,
        Fact<List<Tag>> tags,
        Fact<List<Release>> releases,
        Fact<History> history,
        Fact<Set<String>> orgCommunityFiles,
        Fact<Map<String, String>> orgContents,
        Map<String, String> unreadable) {

    public RepositorySnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(observedAt, "observedAt");
        contents = Map.copyOf(contents);
        workflows = List.copyOf(workflows);
        orgContents = orgContents.map(Map::copyOf);
        unreadable = Map.copyOf(unreadable);
    }

    public static Builder builder(String name, Instant observedAt) {
        return new Builder(name, observedAt);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The text of a declared file, if it was fetched. */
    public Optional<String> text(String path) {
        return Optional.ofNullable(contents.get(path));
    }

    /**
     * A link to a file or directory that survives later pushes: pinned to the evaluated commit on the forge,
     * or the plain path when the project is not on a forge we know.
     */
    public String linkTo(String path) {
        String inRepository = tree.repositoryPath(path);
        if (metadata.webUrl().isKnown() && commitSha.isKnown()) {
            String kind = tree.find(path).isPresent() ? "blob" : "tree";
            return metadata.webUrl().value() + "/" + kind + "/" + commitSha.value() + "/" + inRepository;
        }
        return inRepository;
    }

    /** A link to a page of the repository on the forge (issues, security, ...), if the forge is known. */
    public Optional<String> webLink(String suffix) {
        return metadata.webUrl().isKnown() ? Optional.of(metadata.webUrl().value() + suffix) : Optional.empty();
    }

    /** Builder so that gatherers and tests set only what they know; everything else starts unknown. */
    public static final class Builder {
        private static final String NOT_GATHERED = "not gathered";
        private String name;
        private final Instant observedAt;
        private Fact<String> commitSha = Fact.unknown(NOT_GATHERED);
        private Fact<String> versionControl = Fact.unknown(NOT_GATHERED);
        private FileTree tree = FileTree.empty();
        private Map<String, String> contents = Map.of();
        private RepoMetadata metadata = RepoMetadata.unknown(NOT_GATHERED);
        private Fact<LicenseFacts> license = Fact.unknown(NOT_GATHERED);
        private List<Workflow> workflows = List.of();
        private Fact<BranchRules> branchRules = Fact.unknown(NOT_GATHERED);
        private Fact<Boolean> privateVulnerabilityReporting = Fact.unknown(NOT_GATHERED);
        private Fact<String> workflowTokenPermissions = Fact.unknown(NOT_GATHERED);
        private Fact<List<Tag>> tags = Fact.unknown(NOT_GATHERED);
        private Fact<List<Release>> releases = Fact.unknown(NOT_GATHERED);
        private Fact<History> history = Fact.unknown(NOT_GATHERED);
        private Fact<Set<String>> orgCommunityFiles = Fact.unknown(NOT_GATHERED);
        private Fact<Map<String, String>> orgContents = Fact.unknown(NOT_GATHERED);
        private Map<String, String> unreadable = Map.of();

        private Builder(String name, Instant observedAt) {
            this.name = name;
            this.observedAt = observedAt;
        }

        private Builder(RepositorySnapshot s) {
            this(s.name, s.observedAt);
            commitSha = s.commitSha;
            versionControl = s.versionControl;
            tree = s.tree;
            contents = s.contents;
            metadata = s.metadata;
            license = s.license;
            workflows = s.workflows;
            branchRules = s.branchRules;
            privateVulnerabilityReporting = s.privateVulnerabilityReporting;
            workflowTokenPermissions = s.workflowTokenPermissions;
            tags = s.tags;
            releases = s.releases;
            history = s.history;
            orgCommunityFiles = s.orgCommunityFiles;
            orgContents = s.orgContents;
            unreadable = s.unreadable;
        }

        public Builder name(String value) { name = Objects.requireNonNull(value, "name"); return this; }
        public Builder commitSha(Fact<String> value) { commitSha = value; return this; }
        public Builder versionControl(Fact<String> value) { versionControl = value; return this; }
        public Builder tree(FileTree value) { tree = value; return this; }
        public Builder contents(Map<String, String> value) { contents = value; return this; }
        public Builder metadata(RepoMetadata value) { metadata = value; return this; }
        public Builder license(Fact<LicenseFacts> value) { license = value; return this; }
        public Builder workflows(List<Workflow> value) { workflows = value; return this; }
        public Builder branchRules(Fact<BranchRules> value) { branchRules = value; return this; }
        public Builder privateVulnerabilityReporting(Fact<Boolean> value) { privateVulnerabilityReporting = value; return this; }
        public Builder workflowTokenPermissions(Fact<String> value) { workflowTokenPermissions = value; return this; }
        public Builder tags(Fact<List<Tag>> value) { tags = value; return this; }
        public Builder releases(Fact<List<Release>> value) { releases = value; return this; }
        public Builder history(Fact<History> value) { history = value; return this; }
        public Builder orgCommunityFiles(Fact<Set<String>> value) { orgCommunityFiles = value; return this; }
        public Builder orgContents(Fact<Map<String, String>> value) { orgContents = value; return this; }
        public Builder unreadable(Map<String, String> value) { unreadable = value; return this; }

        public RepositorySnapshot build() {
            return new RepositorySnapshot(name, commitSha, observedAt, versionControl, tree, contents, metadata,
                    license, workflows, branchRules, privateVulnerabilityReporting, workflowTokenPermissions,
                    tags, releases, history, orgCommunityFiles, orgContents, unreadable);
        }
    }
}
