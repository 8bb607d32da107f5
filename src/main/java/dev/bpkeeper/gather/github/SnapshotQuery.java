package dev.bpkeeper.gather.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bpkeeper.github.GraphQlAnswer;
import dev.bpkeeper.policy.ConfigKeys;
import dev.bpkeeper.snapshot.BranchRules;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepoMetadata;
import dev.bpkeeper.snapshot.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one GraphQL query that brings, in a single request, everything a snapshot needs beyond the tree: repository
 * metadata, the text of every declared file, tags, releases and the organisation's default community files.
 */
final class SnapshotQuery {
    private SnapshotQuery() {
    }

    /**
     * @param branchRules ask for the rules in force on the default branch: its rulesets' rules, and its classic
     *        protection as any reader may see it ({@code refUpdateRule}; the full protection needs admin rights)
     */
    static String build(String owner, String name, String sha, List<String> paths, boolean tags, boolean releases,
                        boolean orgFiles, boolean branchRules) {
        StringBuilder q = new StringBuilder("query { repository(owner: ").append(quote(owner)).append(", name: ")
                .append(quote(name)).append(") {\n")
                .append("  databaseId name nameWithOwner owner { login } url description homepageUrl isPrivate"
                        + " isArchived isFork hasIssuesEnabled hasDiscussionsEnabled webCommitSignoffRequired pushedAt\n")
                .append("  licenseInfo { spdxId }\n  defaultBranchRef { name target { oid }");
        if (branchRules) {
            q.append(" rules(first: 100) { nodes { type parameters { ... on PullRequestParameters"
                    + " { requiredApprovingReviewCount } } } }"
                    + " refUpdateRule { requiredApprovingReviewCount requiredStatusCheckContexts allowsDeletions"
                    + " allowsForcePushes }");
        }
        q.append(" }\n")
                .append("  commit: object(expression: ").append(quote(sha)).append(") { ... on Commit { committedDate } }\n")
                .append("  languages(first: 30, orderBy: {field: SIZE, direction: DESC}) { edges { size node { name } } }\n");
        appendFiles(q, sha, paths);
        if (tags) {
            // Newest first: the signatures read afterwards are those of the latest annotated tags. GitHub's GraphQL
            // has no signature on a tag object (only on commits), so they come from REST, one tag at a time.
            q.append("  tags: refs(refPrefix: \"refs/tags/\", first: 100, orderBy: {field: TAG_COMMIT_DATE,"
                    + " direction: DESC}) { nodes { name target { __typename oid ... on Tag { target { oid } } } } }\n");
        }
        if (releases) {
            q.append("  releases(first: 30, orderBy: {field: CREATED_AT, direction: DESC}) { nodes { tagName name"
                    + " description isDraft isPrerelease publishedAt url releaseAssets(first: 50) { nodes { name } } } }\n");
        }
        q.append("}\n");
        // The organisation's defaults ride along in the same query: no request of their own, present or not.
        q.append("org: repository(owner: ").append(quote(owner)).append(", name: ")
                .append(quote(ConfigKeys.ORGANISATION_REPOSITORY)).append(") {");
        if (orgFiles) {
            q.append(" root: object(expression: \"HEAD:\") { ... on Tree { entries { name path } } }");
        }
        q.append(" config: object(expression: ").append(quote("HEAD:" + ConfigKeys.ORGANISATION_FILE))
                .append(") { ... on Blob { text isBinary byteSize } } }\n");
        return q.append("}").toString();
    }

    /** Only the text of these files at the commit (a sub-directory's project). */
    static String files(String owner, String name, String sha, List<String> paths) {
        if (paths.isEmpty()) {
            // GitHub refuses an empty selection; there is nothing to ask for anyway.
            throw new IllegalArgumentException("no files to ask for");
        }
        StringBuilder q = new StringBuilder("query { repository(owner: ").append(quote(owner)).append(", name: ")
                .append(quote(name)).append(") {\n");
        appendFiles(q, sha, paths);
        return q.append("} }").toString();
    }

    /** Each file under an alias f0, f1 ... (read back by {@link #files(JsonNode, List)}). */
    private static void appendFiles(StringBuilder q, String sha, List<String> paths) {
        for (int i = 0; i < paths.size(); i++) {
            q.append("  f").append(i).append(": object(expression: ").append(quote(sha + ":" + paths.get(i)))
                    .append(") { ... on Blob { text isBinary byteSize } }\n");
        }
    }

    /** Only the head of the default branch, for jobs that name no commit. */
    static String head(String owner, String name) {
        return "query { repository(owner: " + quote(owner) + ", name: " + quote(name)
                + ") { defaultBranchRef { name target { oid } } } }";
    }

    static RepoMetadata metadata(JsonNode repo) {
        Map<String, Long> languages = new LinkedHashMap<>();
        repo.path("languages").path("edges").forEach(e -> languages.put(e.path("node").path("name").asText(),
                e.path("size").asLong()));
        return new RepoMetadata(text(repo, "nameWithOwner"), text(repo, "url"),
                Fact.known(repo.path("description").asText("")), Fact.known(repo.path("homepageUrl").asText("")),
                bool(repo, "isPrivate"), bool(repo, "isArchived"), bool(repo, "isFork"), bool(repo, "hasIssuesEnabled"),
                bool(repo, "hasDiscussionsEnabled"),
                text(repo.path("defaultBranchRef"), "name"), bool(repo, "webCommitSignoffRequired"),
                repo.hasNonNull("pushedAt") ? Fact.known(instant(repo.path("pushedAt").asText()))
                        : Fact.unknown("GitHub did not say when the repository was last pushed"),
                repo.hasNonNull("languages") ? Fact.known(languages) : Fact.unknown("languages not returned"));
    }

    /** When the evaluated commit was made, if GitHub said. */
    static Optional<Instant> committedDate(JsonNode repo) {
        JsonNode date = repo.path("commit").path("committedDate");
        return date.isTextual() ? Optional.of(instant(date.asText())) : Optional.empty();
    }

    static Optional<String> defaultBranchHead(JsonNode repo) {
        JsonNode oid = repo.path("defaultBranchRef").path("target").path("oid");
        return oid.isTextual() ? Optional.of(oid.asText()) : Optional.empty();
    }

    static Optional<String> license(JsonNode repo) {
        String spdx = repo.path("licenseInfo").path("spdxId").asText("");
        return spdx.isEmpty() || spdx.equals("NOASSERTION") ? Optional.empty() : Optional.of(spdx);
    }

    /** The text of each requested path, by path; binary or missing files are left out. */
    static Map<String, String> files(JsonNode repo, List<String> paths) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            JsonNode blob = repo.path("f" + i);
            if (blob.isObject() && !blob.path("isBinary").asBoolean(false) && blob.hasNonNull("text")) {
                texts.put(paths.get(i), blob.path("text").asText());
            }
        }
        return texts;
    }

    /** The requested paths GitHub failed to read (an error on their alias), with its words. */
    static Map<String, String> unreadable(GraphQlAnswer answer, String alias, List<String> paths) {
        Map<String, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            answer.problemAt(alias, "f" + i).ifPresent(problem -> failed.put(path, problem.describe()));
        }
        return failed;
    }

    /** Rulesets' rules and classic protection together, as GitHub applies them to the default branch. */
    static Fact<BranchRules> branchRules(JsonNode repo) {
        JsonNode ref = repo.path("defaultBranchRef");
        if (!ref.isObject() || !ref.has("rules")) {
            return Fact.unknown("the branch rules were not returned");
        }
        boolean pullRequest = false;
        int approvals = 0;
        boolean statusChecks = false;
        boolean deletion = false;
        boolean forcePush = false;
        for (JsonNode rule : ref.path("rules").path("nodes")) {
            switch (rule.path("type").asText()) {
                case "PULL_REQUEST" -> {
                    pullRequest = true;
                    approvals = Math.max(approvals, rule.path("parameters").path("requiredApprovingReviewCount").asInt(0));
                }
                case "REQUIRED_STATUS_CHECKS" -> statusChecks = true;
                case "DELETION" -> deletion = true;
                case "NON_FAST_FORWARD" -> forcePush = true;
                case "UPDATE" -> pullRequest = true;
                default -> { }
            }
        }
        JsonNode classic = ref.path("refUpdateRule");
        if (classic.isObject()) {
            if (classic.hasNonNull("requiredApprovingReviewCount")) {
                pullRequest = true;
                approvals = Math.max(approvals, classic.path("requiredApprovingReviewCount").asInt(0));
            }
            statusChecks |= classic.path("requiredStatusCheckContexts").size() > 0;
            deletion |= !classic.path("allowsDeletions").asBoolean(true);
            forcePush |= !classic.path("allowsForcePushes").asBoolean(true);
        }
        String branch = ref.path("name").asText();
        return Fact.known(new BranchRules(pullRequest, approvals, statusChecks, deletion, forcePush,
                "rules in force on " + branch));
    }

    /**
     * The tags, newest first, with whether each is signed: a lightweight tag cannot be; an annotated tag is as
     * {@code signatures} says (read by sha through REST), or unknown when it was not read.
     */
    static Fact<List<Tag>> tags(JsonNode repo, Map<String, Fact<Boolean>> signatures) {
        if (!repo.has("tags") || repo.path("tags").isNull()) {
            return Fact.unknown("tags were not returned");
        }
        List<Tag> tags = new ArrayList<>();
        repo.path("tags").path("nodes").forEach(n -> {
            JsonNode target = n.path("target");
            boolean annotated = "Tag".equals(target.path("__typename").asText());
            String commit = annotated ? target.path("target").path("oid").asText() : target.path("oid").asText();
            tags.add(new Tag(n.path("name").asText(), commit, annotated, annotated
                    ? signatures.getOrDefault(target.path("oid").asText(), Fact.unknown(SIGNATURE_NOT_READ))
                    : Fact.known(false)));
        });
        return Fact.known(tags);
    }

    static final String SIGNATURE_NOT_READ = "only the newest annotated tag's signature is read (one request per new"
            + " tag)";

    /** The git objects of the newest annotated tags, newest first, at most {@code limit}. */
    static List<String> newestAnnotatedTags(JsonNode repo, int limit) {
        List<String> shas = new ArrayList<>();
        for (JsonNode n : repo.path("tags").path("nodes")) {
            JsonNode target = n.path("target");
            if ("Tag".equals(target.path("__typename").asText()) && shas.size() < limit) {
                shas.add(target.path("oid").asText());
            }
        }
        return shas;
    }

    static Fact<List<Release>> releases(JsonNode repo) {
        if (!repo.has("releases") || repo.path("releases").isNull()) {
            return Fact.unknown("releases were not returned");
        }
        List<Release> releases = new ArrayList<>();
        repo.path("releases").path("nodes").forEach(n -> {
            List<String> assets = new ArrayList<>();
            n.path("releaseAssets").path("nodes").forEach(a -> assets.add(a.path("name").asText()));
            releases.add(new Release(n.path("tagName").asText(), n.path("name").asText(""),
                    n.path("description").asText(""), n.path("isDraft").asBoolean(), n.path("isPrerelease").asBoolean(),
                    n.hasNonNull("publishedAt") ? instant(n.path("publishedAt").asText()) : null, assets,
                    n.path("url").asText("")));
        });
        return Fact.known(releases);
    }

    static Fact<Set<String>> orgFiles(JsonNode data) {
        JsonNode org = data.path("org");
        if (org.isMissingNode()) {
            return Fact.unknown("not asked");
        }
        Set<String> files = new HashSet<>();
        org.path("root").path("entries").forEach(e -> files.add(e.path("path").asText(e.path("name").asText())));
        return Fact.known(files);
    }

    /** The organisation's configuration file, if its {@code .github} repository has one the app may read. */
    static Fact<Map<String, String>> orgContents(JsonNode data) {
        JsonNode org = data.path("org");
        if (org.isMissingNode() || org.isNull()) {
            return Fact.unknown("the organisation has no " + ConfigKeys.ORGANISATION_REPOSITORY
                    + " repository the app can read");
        }
        JsonNode blob = org.path("config");
        if (blob.isObject() && !blob.path("isBinary").asBoolean(false) && blob.hasNonNull("text")
                && blob.path("byteSize").asLong(0) <= dev.bpkeeper.snapshot.WantedFile.MAX_BYTES) {
            return Fact.known(Map.of(ConfigKeys.ORGANISATION_FILE, blob.path("text").asText()));
        }
        return Fact.known(Map.of());
    }

    private static Fact<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Fact.known(node.path(field).asText()) : Fact.unknown(field + " not returned");
    }

    private static Fact<Boolean> bool(JsonNode node, String field) {
        return node.hasNonNull(field) ? Fact.known(node.path(field).asBoolean()) : Fact.unknown(field + " not returned");
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** A GraphQL string literal (JSON string escaping is valid GraphQL). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
