package dev.bpkeeper.gather.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bpkeeper.policy.ConfigKeys;
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

    static String build(String owner, String name, String sha, List<String> paths, boolean tags, boolean releases,
                        boolean orgFiles) {
        StringBuilder q = new StringBuilder("query { repository(owner: ").append(quote(owner)).append(", name: ")
                .append(quote(name)).append(") {\n")
                .append("  nameWithOwner url description homepageUrl isPrivate isArchived isFork hasIssuesEnabled"
                        + " hasDiscussionsEnabled webCommitSignoffRequired pushedAt\n")
                .append("  licenseInfo { spdxId }\n  defaultBranchRef { name target { oid } }\n")
                .append("  commit: object(expression: ").append(quote(sha)).append(") { ... on Commit { committedDate } }\n")
                .append("  languages(first: 30, orderBy: {field: SIZE, direction: DESC}) { edges { size node { name } } }\n");
        appendFiles(q, sha, paths);
        if (tags) {
            q.append("  tags: refs(refPrefix: \"refs/tags/\", first: 100) { nodes { name target { __typename oid"
                    + " ... on Tag { target { oid } signature { isValid } } } } }\n");
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
                repo.has("languages") ? Fact.known(languages) : Fact.unknown("languages not returned"));
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

    static Fact<List<Tag>> tags(JsonNode repo) {
        if (!repo.has("tags") || repo.path("tags").isNull()) {
            return Fact.unknown("tags were not returned");
        }
        List<Tag> tags = new ArrayList<>();
        repo.path("tags").path("nodes").forEach(n -> {
            JsonNode target = n.path("target");
            boolean annotated = "Tag".equals(target.path("__typename").asText());
            String commit = annotated ? target.path("target").path("oid").asText() : target.path("oid").asText();
            tags.add(new Tag(n.path("name").asText(), commit, annotated,
                    Fact.known(annotated && target.hasNonNull("signature"))));
        });
        return Fact.known(tags);
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
