package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Git Data API: blobs, trees, commits and refs, backed by real git object ids. */
final class GitDataRoutes {
    private static final String BOT_NAME = "test-app[bot]";
    private static final String BOT_EMAIL = "test-app[bot]@users.noreply.github.com";

    private GitDataRoutes() {
    }

    static void register(List<Route> routes) {
        Route.Access token = Route.Access.INSTALLATION;
        String base = "/repos/{owner}/{repo}/git";
        routes.add(Route.of("GET", base + "/trees/{tree_sha}", token, GitDataRoutes::getTree).needs("contents", "read"));
        routes.add(Route.of("POST", base + "/trees", token, GitDataRoutes::createTree).needs("contents", "write"));
        routes.add(Route.of("GET", base + "/blobs/{file_sha}", token, GitDataRoutes::getBlob).needs("contents", "read"));
        routes.add(Route.of("POST", base + "/blobs", token, GitDataRoutes::createBlob).needs("contents", "write"));
        routes.add(Route.of("GET", base + "/commits/{commit_sha}", token, GitDataRoutes::getCommit)
                .needs("contents", "read"));
        routes.add(Route.of("POST", base + "/commits", token, GitDataRoutes::createCommit).needs("contents", "write"));
        routes.add(Route.of("GET", base + "/tags/{tag_sha}", token, GitDataRoutes::getTag).needs("contents", "read"));
        routes.add(Route.of("GET", base + "/ref/{ref}", token, GitDataRoutes::getRef).needs("contents", "read"));
        routes.add(Route.of("POST", base + "/refs", token, GitDataRoutes::createRef).needs("contents", "write"));
        routes.add(Route.of("PATCH", base + "/refs/{ref}", token, GitDataRoutes::updateRef).needs("contents", "write"));
        routes.add(Route.of("DELETE", base + "/refs/{ref}", token, GitDataRoutes::deleteRef).needs("contents", "write"));
    }

    // ---- tags ----

    /** An annotated tag object; {@code verification} tells whether it carries a signature and whether it checks. */
    private static Reply getTag(Call call) {
        FakeRepository repo = call.repo;
        GitObjects.TagObject tag = repo.git.tagObject(call.param("tag_sha")).orElseThrow(ApiError::notFound);
        String api = call.baseUrl + "/repos/" + repo.fullName() + "/git";
        ObjectNode json = Json.object().put("node_id", "TAG_" + tag.sha()).put("tag", tag.name()).put("sha", tag.sha())
                .put("url", api + "/tags/" + tag.sha()).put("message", tag.message() + "\n");
        json.putObject("tagger").put("name", "Fake Tagger").put("email", "tagger@example.com")
                .put("date", tag.date().toString());
        json.putObject("object").put("sha", tag.object()).put("type", "commit").put("url", api + "/commits/" + tag.object());
        ObjectNode verification = json.putObject("verification").put("verified", false)
                .put("reason", tag.signed() ? "unknown_key" : "unsigned");
        if (tag.signed()) {
            verification.put("signature", "-----BEGIN PGP SIGNATURE-----\n\nfake\n-----END PGP SIGNATURE-----\n")
                    .put("payload", "object " + tag.object() + "\ntype commit\ntag " + tag.name() + "\n");
        } else {
            verification.putNull("signature").putNull("payload");
        }
        verification.putNull("verified_at");
        return Reply.ok(json);
    }

    // ---- trees ----

    /** Takes a tree sha or anything naming a commit (sha, branch), as GitHub does. */
    private static Reply getTree(Call call) {
        FakeRepository repo = call.repo;
        if (repo.git.refs().isEmpty()) {
            throw new ApiError(409, "Git Repository is empty.");
        }
        String wanted = call.param("tree_sha");
        String treeSha = repo.git.tree(wanted).isPresent() ? wanted
                : repo.git.resolveCommit(wanted).flatMap(repo.git::commit).map(GitObjects.Commit::tree)
                        .orElseThrow(ApiError::notFound);
        // GitHub recurses for any value of "recursive", even 0 or false.
        boolean recursive = call.query("recursive").isPresent();
        return Reply.ok(tree(repo, treeSha, recursive, call.baseUrl));
    }

    static ObjectNode tree(FakeRepository repo, String treeSha, boolean recursive, String baseUrl) {
        List<GitObjects.Listed> entries = new ArrayList<>();
        if (recursive) {
            entries.addAll(repo.git.walk(treeSha));
        } else {
            repo.git.tree(treeSha).orElse(List.of()).forEach(e -> entries.add(new GitObjects.Listed(e.name(), e)));
        }
        boolean truncated = entries.size() > repo.treeLimit();
        List<GitObjects.Listed> shown = truncated ? entries.subList(0, repo.treeLimit()) : entries;
        String api = baseUrl + "/repos/" + repo.fullName() + "/git";
        ObjectNode json = Json.object().put("sha", treeSha).put("url", api + "/trees/" + treeSha);
        ArrayNode tree = json.putArray("tree");
        for (GitObjects.Listed listed : shown) {
            GitObjects.TreeEntry e = listed.entry();
            ObjectNode item = tree.addObject().put("path", listed.path()).put("mode", e.mode()).put("type", e.type())
                    .put("sha", e.sha());
            if (e.type().equals("blob")) {
                item.put("size", repo.git.blob(e.sha()).map(b -> b.length).orElse(0));
                item.put("url", api + "/blobs/" + e.sha());
            } else {
                item.put("url", api + "/trees/" + e.sha());
            }
        }
        json.put("truncated", truncated);
        return json;
    }

    private static Reply createTree(Call call) {
        FakeRepository repo = call.repo;
        JsonNode body = call.json();
        Map<String, GitObjects.FileEntry> files = new TreeMap<>();
        String baseTree = call.text(body, "base_tree");
        if (baseTree != null) {
            if (repo.git.tree(baseTree).isEmpty()) {
                throw ApiError.validationFailed("base_tree is not a valid tree oid");
            }
            files.putAll(repo.git.files(baseTree));
        }
        for (JsonNode entry : body.path("tree")) {
            String path = FakeRepository.normalise(entry.path("path").asText());
            String mode = entry.path("mode").asText(GitObjects.FILE_MODE);
            String type = entry.path("type").asText("blob");
            boolean hasSha = entry.has("sha");
            String sha = hasSha && !entry.get("sha").isNull() ? entry.get("sha").asText() : null;
            if (hasSha && entry.has("content")) {
                throw ApiError.validationFailed("Must supply either tree.sha or tree.content, not both");
            }
            files.keySet().removeIf(p -> p.startsWith(path + "/"));
            if (hasSha && sha == null) {
                files.remove(path);
            } else if (type.equals("tree")) {
                files.remove(path);
                if (repo.git.tree(sha).isEmpty()) {
                    throw ApiError.validationFailed("GitRPC::BadObjectState");
                }
                repo.git.files(sha).forEach((p, f) -> files.put(path + "/" + p, f));
            } else if (entry.has("content")) {
                byte[] content = entry.get("content").asText().getBytes(StandardCharsets.UTF_8);
                files.put(path, new GitObjects.FileEntry(mode, repo.git.putBlob(content)));
            } else {
                if (sha == null || repo.git.blob(sha).isEmpty()) {
                    throw ApiError.validationFailed("GitRPC::BadObjectState");
                }
                files.put(path, new GitObjects.FileEntry(mode, sha));
            }
        }
        String treeSha = repo.git.writeTree(files);
        return Reply.created(tree(repo, treeSha, false, call.baseUrl));
    }

    // ---- blobs ----

    private static Reply getBlob(Call call) {
        FakeRepository repo = call.repo;
        String sha = call.param("file_sha");
        byte[] content = repo.git.blob(sha).orElseThrow(ApiError::notFound);
        ObjectNode json = Json.object()
                .put("content", Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(content) + "\n")
                .put("encoding", "base64")
                .put("url", call.baseUrl + "/repos/" + repo.fullName() + "/git/blobs/" + sha).put("sha", sha)
                .put("size", content.length).put("node_id", Shapes.nodeId("Blob", Math.abs(sha.hashCode())));
        return Reply.ok(json);
    }

    private static Reply createBlob(Call call) {
        FakeRepository repo = call.repo;
        JsonNode body = call.json();
        String content = body.path("content").asText();
        String encoding = body.path("encoding").asText("utf-8");
        byte[] bytes;
        if (encoding.equals("base64")) {
            try {
                bytes = Base64.getMimeDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw ApiError.validationFailed("Invalid base64 content");
            }
        } else if (encoding.equals("utf-8")) {
            bytes = content.getBytes(StandardCharsets.UTF_8);
        } else {
            throw ApiError.validationFailed("encoding must be one of utf-8, base64");
        }
        String sha = repo.git.putBlob(bytes);
        return Reply.created(Json.object()
                .put("url", call.baseUrl + "/repos/" + repo.fullName() + "/git/blobs/" + sha).put("sha", sha));
    }

    // ---- commits ----

    private static Reply getCommit(Call call) {
        FakeRepository repo = call.repo;
        GitObjects.Commit commit = repo.git.commit(call.param("commit_sha")).orElseThrow(ApiError::notFound);
        return Reply.ok(Shapes.gitCommit(repo, commit, call.baseUrl));
    }

    private static Reply createCommit(Call call) {
        FakeRepository repo = call.repo;
        JsonNode body = call.json();
        String tree = call.text(body, "tree");
        if (tree == null || repo.git.tree(tree).isEmpty()) {
            throw ApiError.validationFailed("Tree SHA does not exist");
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : body.path("parents")) {
            if (repo.git.commit(parent.asText()).isEmpty()) {
                throw ApiError.validationFailed("Parent SHA does not exist or is not a commit object");
            }
            parents.add(parent.asText());
        }
        JsonNode author = body.path("author");
        String name = author.path("name").asText(BOT_NAME);
        String email = author.path("email").asText(BOT_EMAIL);
        Instant date = author.has("date") ? Instant.parse(author.get("date").asText()) : repo.git.tick();
        String sha = repo.git.putCommit(tree, parents, body.path("message").asText(), name, email, date);
        return Reply.created(Shapes.gitCommit(repo, repo.git.commit(sha).orElseThrow(), call.baseUrl));
    }

    // ---- refs ----

    private static String fullRef(String ref) {
        return ref.startsWith("refs/") ? ref : "refs/" + ref;
    }

    static ObjectNode ref(FakeRepository repo, String fullRef, String baseUrl) {
        String sha = repo.git.refs().get(fullRef);
        String api = baseUrl + "/repos/" + repo.fullName() + "/git";
        boolean tag = repo.git.tagObject(sha).isPresent();
        ObjectNode json = Json.object().put("ref", fullRef)
                .put("node_id", Shapes.nodeId("Ref", Math.abs((repo.fullName() + fullRef).hashCode())))
                .put("url", api + "/" + fullRef);
        json.putObject("object").put("type", tag ? "tag" : "commit").put("sha", sha)
                .put("url", api + (tag ? "/tags/" : "/commits/") + sha);
        return json;
    }

    private static Reply getRef(Call call) {
        FakeRepository repo = call.repo;
        String ref = fullRef(call.param("ref"));
        if (!repo.git.refs().containsKey(ref)) {
            throw ApiError.notFound();
        }
        return Reply.ok(ref(repo, ref, call.baseUrl));
    }

    private static Reply createRef(Call call) {
        FakeRepository repo = call.repo;
        JsonNode body = call.json();
        String ref = call.text(body, "ref");
        String sha = call.text(body, "sha");
        if (ref == null || !ref.startsWith("refs/") || ref.chars().filter(c -> c == '/').count() < 2) {
            throw ApiError.validationFailed("Reference name is invalid");
        }
        if (repo.git.refs().containsKey(ref)) {
            throw ApiError.validationFailed("Reference already exists");
        }
        if (sha == null || (repo.git.commit(sha).isEmpty() && repo.git.tagObject(sha).isEmpty())) {
            throw ApiError.validationFailed("Object does not exist");
        }
        repo.git.refs().put(ref, sha);
        repo.pushed(Instant.now());
        return Reply.created(ref(repo, ref, call.baseUrl));
    }

    private static Reply updateRef(Call call) {
        FakeRepository repo = call.repo;
        String ref = fullRef(call.param("ref"));
        JsonNode body = call.json();
        String sha = call.text(body, "sha");
        Optional<String> current = Optional.ofNullable(repo.git.refs().get(ref));
        if (current.isEmpty()) {
            throw ApiError.validationFailed("Reference does not exist");
        }
        if (sha == null || repo.git.commit(sha).isEmpty()) {
            throw ApiError.validationFailed("Object does not exist");
        }
        boolean force = body.path("force").asBoolean(false);
        if (!force && !repo.git.isAncestor(current.get(), sha)) {
            throw ApiError.validationFailed("Update is not a fast forward");
        }
        repo.git.refs().put(ref, sha);
        repo.pushed(Instant.now());
        return Reply.ok(ref(repo, ref, call.baseUrl));
    }

    private static Reply deleteRef(Call call) {
        FakeRepository repo = call.repo;
        String ref = fullRef(call.param("ref"));
        if (!repo.git.refs().containsKey(ref)) {
            throw ApiError.validationFailed("Reference does not exist");
        }
        if (ref.equals("refs/heads/" + repo.defaultBranchName())) {
            throw ApiError.validationFailed("Cannot delete the default branch");
        }
        repo.git.refs().remove(ref);
        return Reply.noContent();
    }
}
