package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finding commits and files in a repository the way the contents-style endpoints do, and shaping file JSON. */
final class RepoFiles {
    record Found(String path, String sha, int size) {
    }

    private RepoFiles() {
    }

    /** The commit {@code ref} names, or the default branch head; 404s like GitHub's contents API. */
    static GitObjects.Commit commitAt(FakeRepository repo, String ref) {
        if (repo.git.refs().isEmpty()) {
            throw new ApiError(404, "This repository is empty.");
        }
        String rev = ref == null || ref.isEmpty() ? repo.defaultBranchName() : ref;
        return repo.git.resolveCommit(rev).flatMap(repo.git::commit)
                .orElseThrow(() -> new ApiError(404, "No commit found for the ref " + rev));
    }

    /** The first file, looking in {@code directories} in order, whose name matches (case-insensitively). */
    static Optional<Found> find(FakeRepository repo, String treeSha, List<String> directories, String nameRegex) {
        Pattern name = Pattern.compile(nameRegex, Pattern.CASE_INSENSITIVE);
        for (String directory : directories) {
            Optional<GitObjects.TreeEntry> dir = repo.git.lookup(treeSha, directory);
            if (dir.isEmpty() || !dir.get().type().equals("tree")) {
                continue;
            }
            for (GitObjects.TreeEntry entry : repo.git.tree(dir.get().sha()).orElse(List.of())) {
                if (entry.type().equals("blob") && name.matcher(entry.name()).matches()) {
                    String path = directory.isEmpty() ? entry.name() : directory + "/" + entry.name();
                    int size = repo.git.blob(entry.sha()).map(b -> b.length).orElse(0);
                    return Optional.of(new Found(path, entry.sha(), size));
                }
            }
        }
        return Optional.empty();
    }

    /** content-file: the file's bytes in base64, wrapped at 60 columns as GitHub sends them. */
    static ObjectNode contentFile(FakeRepository repo, String ref, String path, String blobSha, String baseUrl) {
        byte[] content = repo.git.blob(blobSha).orElse(new byte[0]);
        ObjectNode json = contentEntry(repo, ref, path, "file", blobSha, content.length, baseUrl);
        json.put("content", Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(content) + "\n");
        json.put("encoding", "base64");
        return json;
    }

    /** One item of a directory listing (or the common part of a file). */
    static ObjectNode contentEntry(FakeRepository repo, String ref, String path, String type, String sha, int size,
            String baseUrl) {
        String api = baseUrl + "/repos/" + repo.fullName();
        String self = api + "/contents/" + path + "?ref=" + ref;
        String git = api + (type.equals("dir") ? "/git/trees/" : "/git/blobs/") + sha;
        String html = "https://github.com/" + repo.fullName() + (type.equals("dir") ? "/tree/" : "/blob/") + ref + "/"
                + path;
        ObjectNode json = Json.object().put("type", type).put("size", size)
                .put("name", path.substring(path.lastIndexOf('/') + 1)).put("path", path).put("sha", sha)
                .put("url", self).put("git_url", git).put("html_url", html);
        if (type.equals("file")) {
            json.put("download_url", "https://raw.githubusercontent.com/" + repo.fullName() + "/" + ref + "/" + path);
        } else {
            json.putNull("download_url");
        }
        json.putObject("_links").put("self", self).put("git", git).put("html", html);
        return json;
    }
}
