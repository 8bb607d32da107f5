package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Repository metadata and settings: the repository, branches and their protection, rules, releases, tags. */
final class RepositoryRoutes {
    private static final SpecDocument SPEC = SpecDocument.get();
    private static final List<String> HEALTH_DIRECTORIES = List.of(".github", "", "docs");
    private final GitHubState state;

    private RepositoryRoutes(GitHubState state) {
        this.state = state;
    }

    static void register(List<Route> routes, GitHubState state) {
        RepositoryRoutes r = new RepositoryRoutes(state);
        Route.Access token = Route.Access.INSTALLATION;
        routes.add(Route.of("GET", "/repos/{owner}/{repo}", token, r::repository));
        routes.add(Route.of("GET", "/installation/repositories", token, r::installationRepositories));
        routes.add(Route.of("GET", "/rate_limit", Route.Access.ANY, r::rateLimit));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/branches/{branch}/protection", token, r::protection)
                .needs("administration", "read"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/branches/{branch}", token, r::branch));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/rules/branches/{branch}", token, r::branchRules));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/rulesets", token, r::rulesets));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/private-vulnerability-reporting", token,
                r::vulnerabilityReporting));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/actions/permissions/workflow", token,
                r::workflowPermissions).needs("administration", "read"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/releases", token, r::releases));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/tags", token, r::tags));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/community/profile", token, r::communityProfile));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/compare/{basehead}", token, r::compare)
                .needs("contents", "read"));
    }

    private Reply repository(Call call) {
        return Reply.ok(Shapes.fullRepository(call.repo, call.baseUrl));
    }

    private Reply installationRepositories(Call call) {
        List<ObjectNode> repositories = new ArrayList<>();
        for (String fullName : new TreeSet<>(call.caller.token().repositories())) {
            String[] parts = fullName.split("/");
            state.find(parts[0], parts[1]).ifPresent(repo -> {
                synchronized (repo) {
                    repositories.add(Shapes.repository(repo, call.baseUrl));
                }
            });
        }
        Paging.Page<ObjectNode> page = Paging.page(repositories, call);
        ObjectNode json = Json.object().put("total_count", repositories.size());
        json.putArray("repositories").addAll(page.items());
        json.put("repository_selection", "selected");
        return page.decorate(Reply.ok(json));
    }

    private Reply rateLimit(Call call) {
        ObjectNode json = SPEC.object("rate-limit-overview");
        Long installation = call.caller.installationId();
        int remaining = state.rateLimits.remaining(installation);
        int limit = installation == null ? RateLimits.LIMIT : state.rateLimits.limit(installation);
        ObjectNode core = Json.object().put("limit", limit).put("used", limit - remaining)
                .put("remaining", remaining).put("reset", state.rateLimits.resetEpochSecond(installation));
        ((ObjectNode) json.get("resources")).set("core", core);
        json.set("rate", core.deepCopy());
        return Reply.ok(json);
    }

    private Reply branch(Call call) {
        FakeRepository repo = call.repo;
        String name = call.param("branch");
        GitObjects.Commit head = repo.branch(name).flatMap(repo.git::commit)
                .orElseThrow(() -> new ApiError(404, "Branch not found"));
        String api = call.baseUrl + "/repos/" + repo.fullName() + "/branches/" + name;
        boolean classic = repo.protectionFor(name).isPresent();
        ObjectNode json = Json.object().put("name", name);
        json.set("commit", Shapes.commit(repo, head, call.baseUrl));
        json.putObject("_links").put("self", api).put("html", "https://github.com/" + repo.fullName() + "/tree/" + name);
        json.put("protected", classic || !repo.rulesFor(name).isEmpty());
        ObjectNode protection = json.putObject("protection").put("enabled", classic);
        ObjectNode checks = protection.putObject("required_status_checks")
                .put("enforcement_level", classic ? "non_admins" : "off");
        checks.putArray("contexts");
        checks.putArray("checks");
        json.put("protection_url", api + "/protection");
        return Reply.ok(json);
    }

    private Reply protection(Call call) {
        return Reply.ok(protection(call.repo, call.param("branch"), call.baseUrl)
                .orElseThrow(() -> new ApiError(404, "Branch not protected")));
    }

    /** A branch's classic protection as the REST API shows it (GraphQL's refUpdateRule is read from the same). */
    static java.util.Optional<JsonNode> protection(FakeRepository repo, String name, String baseUrl) {
        java.util.Optional<JsonNode> overrides = repo.protectionFor(name);
        if (overrides.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode json = SPEC.object("branch-protection");
        // The example's restriction lists carry an app owner the schema no longer accepts; we model no restrictions.
        json.remove("restrictions");
        ObjectNode reviews = (ObjectNode) json.get("required_pull_request_reviews");
        reviews.remove("dismissal_restrictions");
        reviews.remove("bypass_pull_request_allowances");
        // The example predates the required "checks" list.
        ((ObjectNode) json.get("required_status_checks")).putArray("checks");
        Json.rewriteStrings(json, Map.of("/branches/master/", "/branches/" + name + "/"));
        Json.rewriteStrings(json, Shapes.relocate("octocat/Hello-World", repo.fullName(), baseUrl));
        json.put("url", baseUrl + "/repos/" + repo.fullName() + "/branches/" + name + "/protection");
        return java.util.Optional.of(Json.merge(json, overrides.get()));
    }

    private Reply branchRules(Call call) {
        List<JsonNode> rules = call.repo.rulesFor(call.param("branch"));
        Paging.Page<JsonNode> page = Paging.page(rules, call);
        return page.decorate(Reply.ok(Json.array().addAll(page.items())));
    }

    private Reply rulesets(Call call) {
        FakeRepository repo = call.repo;
        Set<Long> ids = new TreeSet<>();
        if (repo.hasAnyRules()) {
            ids.add(repo.rulesetId());
        }
        List<ObjectNode> rulesets = new ArrayList<>();
        for (long id : ids) {
            ObjectNode ruleset = Json.object().put("id", id).put("name", "Branch rules").put("target", "branch")
                    .put("source_type", "Repository").put("source", repo.fullName()).put("enforcement", "active")
                    .put("node_id", Shapes.nodeId("RepositoryRuleset", id));
            ObjectNode links = ruleset.putObject("_links");
            links.putObject("self").put("href", call.baseUrl + "/repos/" + repo.fullName() + "/rulesets/" + id);
            links.putObject("html").put("href", "https://github.com/" + repo.fullName() + "/rules/" + id);
            ruleset.put("created_at", Shapes.CREATED_AT).put("updated_at", Shapes.CREATED_AT);
            rulesets.add(ruleset);
        }
        Paging.Page<ObjectNode> page = Paging.page(rulesets, call);
        return page.decorate(Reply.ok(Json.array().addAll(page.items())));
    }

    private Reply vulnerabilityReporting(Call call) {
        return Reply.ok(Json.object().put("enabled", call.repo.vulnerabilityReportingEnabled()));
    }

    private Reply workflowPermissions(Call call) {
        return Reply.ok(Json.object().put("default_workflow_permissions", "read")
                .put("can_approve_pull_request_reviews", false));
    }

    private Reply releases(Call call) {
        FakeRepository repo = call.repo;
        List<FakeRepository.Release> all = new ArrayList<>(repo.releaseList());
        all.sort(Comparator.comparing(FakeRepository.Release::createdAt).reversed());
        Paging.Page<FakeRepository.Release> page = Paging.page(all, call);
        ArrayNode json = Json.array();
        page.items().forEach(release -> json.add(release(repo, release, call.baseUrl)));
        return page.decorate(Reply.ok(json));
    }

    private ObjectNode release(FakeRepository repo, FakeRepository.Release release, String baseUrl) {
        ObjectNode json = SPEC.firstItem("release-items");
        ObjectNode assetTemplate = (ObjectNode) json.get("assets").get(0);
        String api = baseUrl + "/repos/" + repo.fullName() + "/releases/" + release.id();
        String html = "https://github.com/" + repo.fullName() + "/releases";
        String created = Json.time(release.createdAt());
        ObjectNode author = Shapes.account(repo.owner(), baseUrl);
        json.put("url", api).put("html_url", html + "/tag/" + release.tag()).put("assets_url", api + "/assets")
                .put("upload_url", "https://uploads.github.com/repos/" + repo.fullName() + "/releases/" + release.id()
                        + "/assets{?name,label}")
                .put("tarball_url", baseUrl + "/repos/" + repo.fullName() + "/tarball/" + release.tag())
                .put("zipball_url", baseUrl + "/repos/" + repo.fullName() + "/zipball/" + release.tag())
                .put("id", release.id()).put("node_id", Shapes.nodeId("Release", release.id()))
                .put("tag_name", release.tag()).put("target_commitish", repo.defaultBranchName())
                .put("name", release.name()).put("body", release.body()).put("draft", false).put("prerelease", false)
                .put("immutable", false).put("created_at", created).put("published_at", created)
                .put("updated_at", created);
        json.set("author", author);
        ArrayNode assets = json.putArray("assets");
        long assetId = release.id() * 100;
        for (String name : release.assets()) {
            assetId++;
            ObjectNode asset = assetTemplate.deepCopy();
            asset.put("url", baseUrl + "/repos/" + repo.fullName() + "/releases/assets/" + assetId)
                    .put("browser_download_url", html + "/download/" + release.tag() + "/" + name)
                    .put("id", assetId).put("node_id", Shapes.nodeId("ReleaseAsset", assetId)).put("name", name)
                    .put("label", "").put("state", "uploaded").put("content_type", "application/octet-stream")
                    .put("size", 1024).put("download_count", 0).put("created_at", created).put("updated_at", created);
            asset.set("uploader", author.deepCopy());
            assets.add(asset);
        }
        return json;
    }

    private Reply tags(Call call) {
        FakeRepository repo = call.repo;
        List<String> names = new ArrayList<>();
        repo.git.refs().keySet().stream().filter(r -> r.startsWith("refs/tags/"))
                .forEach(r -> names.add(r.substring("refs/tags/".length())));
        names.sort(Comparator.reverseOrder());
        Paging.Page<String> page = Paging.page(names, call);
        ArrayNode json = Json.array();
        for (String name : page.items()) {
            String sha = repo.git.resolveCommit("refs/tags/" + name).orElseThrow();
            ObjectNode tag = Json.object().put("name", name);
            tag.putObject("commit").put("sha", sha)
                    .put("url", call.baseUrl + "/repos/" + repo.fullName() + "/commits/" + sha);
            tag.put("zipball_url", call.baseUrl + "/repos/" + repo.fullName() + "/zipball/refs/tags/" + name)
                    .put("tarball_url", call.baseUrl + "/repos/" + repo.fullName() + "/tarball/refs/tags/" + name)
                    .put("node_id", Shapes.nodeId("Ref", Math.abs((repo.fullName() + name).hashCode())));
            json.add(tag);
        }
        return page.decorate(Reply.ok(json));
    }

    private Reply communityProfile(Call call) {
        FakeRepository repo = call.repo;
        Optional<String> tree = repo.branch(repo.defaultBranchName()).flatMap(repo.git::commit)
                .map(GitObjects.Commit::tree);
        ObjectNode files = Json.object();
        int present = repo.descriptionText() == null || repo.descriptionText().isBlank() ? 0 : 1;
        Optional<RepoFiles.Found> conduct = tree.flatMap(t -> RepoFiles.find(repo, t, HEALTH_DIRECTORIES,
                "code_of_conduct(\\..*)?"));
        if (conduct.isPresent()) {
            files.set("code_of_conduct", Json.object()
                    .put("url", call.baseUrl + "/repos/" + repo.fullName() + "/community/code_of_conduct")
                    .put("key", "other").put("name", "Other").put("html_url", html(repo, conduct.get().path())));
        } else {
            files.putNull("code_of_conduct");
        }
        present += healthFile(files, "code_of_conduct_file", conduct, repo, call.baseUrl);
        present += healthFile(files, "contributing",
                tree.flatMap(t -> RepoFiles.find(repo, t, HEALTH_DIRECTORIES, "contributing(\\..*)?")), repo,
                call.baseUrl);
        present += healthFile(files, "readme", tree.flatMap(t -> RepoFiles.find(repo, t, HEALTH_DIRECTORIES,
                "readme(\\..*)?")), repo, call.baseUrl);
        present += healthFile(files, "issue_template", tree.flatMap(t -> RepoFiles.find(repo, t,
                List.of(".github/ISSUE_TEMPLATE", ".github", ""), "(issue_template(\\..*)?|.*\\.(md|ya?ml))")),
                repo, call.baseUrl);
        present += healthFile(files, "pull_request_template", tree.flatMap(t -> RepoFiles.find(repo, t,
                HEALTH_DIRECTORIES, "pull_request_template(\\..*)?")), repo, call.baseUrl);
        Optional<RepoFiles.Found> licenseFile = tree.flatMap(t -> RepoFiles.find(repo, t, List.of(""),
                "(licen[cs]e|copying)(\\..*)?"));
        JsonNode license = repo.licenseSpdxId() == null ? NullNode.getInstance()
                : Shapes.license(repo.licenseSpdxId(), call.baseUrl);
        if (license instanceof ObjectNode licenseObject && licenseFile.isPresent()) {
            licenseObject.put("html_url", html(repo, licenseFile.get().path()));
            present++;
        }
        files.set("license", license);
        ObjectNode json = Json.object().put("health_percentage", Math.round(present * 100f / 7))
                .put("description", repo.descriptionText()).put("documentation", repo.homepageUrl());
        json.set("files", files);
        json.put("updated_at", Json.time(repo.pushedAt())).put("content_reports_enabled", false);
        return Reply.ok(json);
    }

    private static int healthFile(ObjectNode files, String key, Optional<RepoFiles.Found> found, FakeRepository repo,
            String baseUrl) {
        if (found.isEmpty()) {
            files.putNull(key);
            return 0;
        }
        files.set(key, Json.object()
                .put("url", baseUrl + "/repos/" + repo.fullName() + "/contents/" + found.get().path())
                .put("html_url", html(repo, found.get().path())));
        return 1;
    }

    private static String html(FakeRepository repo, String path) {
        return "https://github.com/" + repo.fullName() + "/blob/" + repo.defaultBranchName() + "/" + path;
    }

    private Reply compare(Call call) {
        FakeRepository repo = call.repo;
        String basehead = call.param("basehead");
        int dots = basehead.indexOf("...");
        if (dots < 0) {
            throw ApiError.notFound();
        }
        String baseRef = basehead.substring(0, dots);
        String headRef = basehead.substring(dots + 3);
        String base = repo.git.resolveCommit(baseRef).orElseThrow(ApiError::notFound);
        String head = repo.git.resolveCommit(headRef).orElseThrow(ApiError::notFound);
        Set<String> fromBase = repo.git.ancestors(base);
        Set<String> fromHead = repo.git.ancestors(head);
        List<GitObjects.Commit> ahead = fromHead.stream().filter(s -> !fromBase.contains(s))
                .map(s -> repo.git.commit(s).orElseThrow())
                .sorted(Comparator.comparing(GitObjects.Commit::date)).toList();
        long behind = fromBase.stream().filter(s -> !fromHead.contains(s)).count();
        GitObjects.Commit mergeBase = fromHead.stream().filter(fromBase::contains)
                .map(s -> repo.git.commit(s).orElseThrow())
                .max(Comparator.comparing(GitObjects.Commit::date))
                .orElseThrow(() -> new ApiError(404, "No common ancestor between " + baseRef + " and " + headRef + "."));
        String status = ahead.isEmpty() ? (behind == 0 ? "identical" : "behind") : (behind == 0 ? "ahead" : "diverged");
        String api = call.baseUrl + "/repos/" + repo.fullName();
        String html = "https://github.com/" + repo.fullName();
        ObjectNode json = Json.object().put("url", api + "/compare/" + basehead)
                .put("html_url", html + "/compare/" + basehead)
                .put("permalink_url", html + "/compare/" + repo.owner() + ":" + base + "..." + repo.owner() + ":" + head)
                .put("diff_url", html + "/compare/" + basehead + ".diff")
                .put("patch_url", html + "/compare/" + basehead + ".patch");
        json.set("base_commit", Shapes.commit(repo, repo.git.commit(base).orElseThrow(), call.baseUrl));
        json.set("merge_base_commit", Shapes.commit(repo, mergeBase, call.baseUrl));
        json.put("status", status).put("ahead_by", ahead.size()).put("behind_by", behind)
                .put("total_commits", ahead.size());
        ArrayNode commits = json.putArray("commits");
        ahead.forEach(c -> commits.add(Shapes.commit(repo, c, call.baseUrl)));
        json.set("files", diff(repo, mergeBase.tree(), repo.git.commit(head).orElseThrow().tree(), head, api, html));
        return Reply.ok(json);
    }

    private static ArrayNode diff(FakeRepository repo, String fromTree, String toTree, String head, String api,
            String html) {
        Map<String, GitObjects.FileEntry> before = repo.git.files(fromTree);
        Map<String, GitObjects.FileEntry> after = repo.git.files(toTree);
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        ArrayNode files = Json.array();
        for (String path : paths) {
            GitObjects.FileEntry old = before.get(path);
            GitObjects.FileEntry now = after.get(path);
            if (old != null && now != null && old.sha().equals(now.sha())) {
                continue;
            }
            int additions = now == null ? 0 : lines(repo, now.sha());
            int deletions = old == null ? 0 : lines(repo, old.sha());
            String status = old == null ? "added" : now == null ? "removed" : "modified";
            String sha = now == null ? old.sha() : now.sha();
            files.add(Json.object().put("sha", sha).put("filename", path).put("status", status)
                    .put("additions", additions).put("deletions", deletions).put("changes", additions + deletions)
                    .put("blob_url", html + "/blob/" + head + "/" + path)
                    .put("raw_url", html + "/raw/" + head + "/" + path)
                    .put("contents_url", api + "/contents/" + path + "?ref=" + head));
        }
        return files;
    }

    private static int lines(FakeRepository repo, String blobSha) {
        byte[] content = repo.git.blob(blobSha).orElse(new byte[0]);
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? lines + 1 : lines;
    }
}
