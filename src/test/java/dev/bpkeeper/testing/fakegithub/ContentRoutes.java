package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The contents API and its two well-known-file shortcuts, README and LICENSE. */
final class ContentRoutes {
    private static final List<String> README_DIRECTORIES = List.of(".github", "", "docs");

    private ContentRoutes() {
    }

    static void register(List<Route> routes) {
        Route.Access token = Route.Access.INSTALLATION;
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/contents/{path}", token, ContentRoutes::contents)
                .needs("contents", "read"));
        // The root listing has no {path}; the spec only knows contents/{path}, so check it as that operation.
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/contents/", token, ContentRoutes::contents)
                .needs("contents", "read").checkedAs("/repos/{owner}/{repo}/contents/{path}"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/contents", token, ContentRoutes::contents)
                .needs("contents", "read").checkedAs("/repos/{owner}/{repo}/contents/{path}"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/readme", token, ContentRoutes::readme)
                .needs("contents", "read"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/license", token, ContentRoutes::license)
                .needs("contents", "read"));
    }

    private static Reply contents(Call call) {
        FakeRepository repo = call.repo;
        String ref = call.query("ref").filter(r -> !r.isEmpty()).orElse(repo.defaultBranchName());
        GitObjects.Commit commit = RepoFiles.commitAt(repo, ref);
        String path = FakeRepository.normalise(call.params.getOrDefault("path", ""));
        GitObjects.TreeEntry entry = repo.git.lookup(commit.tree(), path).orElseThrow(ApiError::notFound);
        if (entry.type().equals("blob")) {
            return Reply.ok(RepoFiles.contentFile(repo, ref, path, entry.sha(), call.baseUrl));
        }
        ArrayNode listing = Json.array();
        for (GitObjects.TreeEntry child : repo.git.tree(entry.sha()).orElse(List.of())) {
            String childPath = path.isEmpty() ? child.name() : path + "/" + child.name();
            boolean file = child.type().equals("blob");
            int size = file ? repo.git.blob(child.sha()).map(b -> b.length).orElse(0) : 0;
            listing.add(RepoFiles.contentEntry(repo, ref, childPath, file ? "file" : "dir", child.sha(), size,
                    call.baseUrl));
        }
        return Reply.ok(listing);
    }

    private static Reply readme(Call call) {
        FakeRepository repo = call.repo;
        String ref = call.query("ref").filter(r -> !r.isEmpty()).orElse(repo.defaultBranchName());
        GitObjects.Commit commit = RepoFiles.commitAt(repo, ref);
        RepoFiles.Found readme = RepoFiles.find(repo, commit.tree(), README_DIRECTORIES, "readme(\\..*)?")
                .orElseThrow(ApiError::notFound);
        return Reply.ok(RepoFiles.contentFile(repo, ref, readme.path(), readme.sha(), call.baseUrl));
    }

    /** 404 unless GitHub would have detected a licence: the repository has one set and a licence file at the root. */
    private static Reply license(Call call) {
        FakeRepository repo = call.repo;
        if (repo.licenseSpdxId() == null) {
            throw ApiError.notFound();
        }
        String ref = call.query("ref").filter(r -> !r.isEmpty()).orElse(repo.defaultBranchName());
        GitObjects.Commit commit = RepoFiles.commitAt(repo, ref);
        RepoFiles.Found file = RepoFiles.find(repo, commit.tree(), List.of(""), "(licen[cs]e|copying)(\\..*)?")
                .orElseThrow(ApiError::notFound);
        ObjectNode json = RepoFiles.contentFile(repo, ref, file.path(), file.sha(), call.baseUrl);
        json.set("license", Shapes.license(repo.licenseSpdxId(), call.baseUrl));
        return Reply.ok(json);
    }
}
