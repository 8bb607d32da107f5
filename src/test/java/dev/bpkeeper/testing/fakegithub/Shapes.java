package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GitHub objects several areas embed (accounts, repositories, licences, commits), each built from the spec's own
 * example with our values laid over it: whatever we do not model keeps GitHub's plausible sample value.
 */
final class Shapes {
    static final String CREATED_AT = "2024-01-01T00:00:00Z";
    private static final SpecDocument SPEC = SpecDocument.get();
    private static final Map<String, String[]> LICENSES = Map.of(
            "MIT", new String[] {"mit", "MIT License"},
            "Apache-2.0", new String[] {"apache-2.0", "Apache License 2.0"},
            "GPL-3.0", new String[] {"gpl-3.0", "GNU General Public License v3.0"},
            "BSD-3-Clause", new String[] {"bsd-3-clause", "BSD 3-Clause \"New\" or \"Revised\" License"},
            "MPL-2.0", new String[] {"mpl-2.0", "Mozilla Public License 2.0"},
            "NOASSERTION", new String[] {"other", "Other"});

    private Shapes() {
    }

    /** Replacements that move a spec example from its sample repository and api.github.com to ours and the fake. */
    static Map<String, String> relocate(String sampleRepository, String fullName, String baseUrl) {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("https://api.github.com/repos/" + sampleRepository, baseUrl + "/repos/" + fullName);
        replacements.put(sampleRepository, fullName);
        replacements.put("https://api.github.com", baseUrl);
        return replacements;
    }

    static Map<String, String> relocate(String baseUrl) {
        return Map.of("https://api.github.com", baseUrl);
    }

    static long accountId(String login) {
        return 1000 + Math.floorMod(login.toLowerCase().hashCode(), 9_000_000);
    }

    static String nodeId(String kind, long id) {
        return Base64.getEncoder().encodeToString(("0" + kind.length() + ":" + kind + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A simple-user. Accounts in the fake are organisations unless they are the app's bot. */
    static ObjectNode account(String login, String baseUrl) {
        ObjectNode user = (ObjectNode) SPEC.object("integration").get("owner");
        // Bot logins carry brackets, which GitHub percent-encodes in URLs ("dependabot%5Bbot%5D").
        String inUrl = URLEncoder.encode(login, StandardCharsets.UTF_8);
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("/octocat", "/" + inUrl);
        replacements.put("https://api.github.com", baseUrl);
        Json.rewriteStrings(user, replacements);
        long id = accountId(login);
        user.put("login", login).put("id", id).put("node_id", nodeId("Organization", id)).put("type", "Organization")
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4")
                .put("url", baseUrl + "/orgs/" + inUrl).put("repos_url", baseUrl + "/orgs/" + inUrl + "/repos")
                .put("events_url", baseUrl + "/orgs/" + inUrl + "/events");
        return user;
    }

    static JsonNode license(String spdxId, String baseUrl) {
        if (spdxId == null) {
            return NullNode.getInstance();
        }
        String[] known = LICENSES.getOrDefault(spdxId, new String[] {spdxId.toLowerCase(), spdxId});
        ObjectNode license = Json.object().put("key", known[0]).put("name", known[1]);
        if (known[0].equals("other")) {
            license.putNull("url");
        } else {
            license.put("url", baseUrl + "/licenses/" + known[0]);
        }
        return license.put("spdx_id", spdxId).put("node_id", nodeId("License", Math.abs(known[0].hashCode()) % 1000));
    }

    /** full-repository, as {@code GET /repos/{owner}/{repo}} returns it. */
    static ObjectNode fullRepository(FakeRepository repo, String baseUrl) {
        ObjectNode json = SPEC.object("full-repository-default-response");
        for (String dropped : new String[] {"organization", "parent", "source", "template_repository"}) {
            json.remove(dropped);
        }
        overlayRepository(json, repo, baseUrl);
        json.put("has_discussions", repo.discussionsEnabled())
                .put("web_commit_signoff_required", repo.signoffRequired())
                .put("subscribers_count", 0).put("network_count", 0);
        return json;
    }

    /** repository, as lists and embedded objects carry it. */
    static ObjectNode repository(FakeRepository repo, String baseUrl) {
        ObjectNode json = (ObjectNode) SPEC.object("installation-token").get("repositories").get(0);
        json.remove("template_repository");
        return overlayRepository(json, repo, baseUrl);
    }

    private static ObjectNode overlayRepository(ObjectNode json, FakeRepository repo, String baseUrl) {
        Json.rewriteStrings(json, relocate("octocat/Hello-World", repo.fullName(), baseUrl));
        json.put("id", repo.id()).put("node_id", nodeId("Repository", repo.id())).put("name", repo.name())
                .put("full_name", repo.fullName()).put("private", repo.isPrivate())
                .put("visibility", repo.isPrivate() ? "private" : "public").put("description", repo.descriptionText())
                .put("fork", repo.isFork()).put("homepage", repo.homepageUrl())
                .put("language", repo.primaryLanguage().orElse(null))
                .put("default_branch", repo.defaultBranchName()).put("has_issues", repo.issuesEnabled())
                .put("archived", repo.isArchived()).put("disabled", false).put("is_template", false)
                .put("pushed_at", Json.time(repo.pushedAt())).put("created_at", CREATED_AT)
                .put("updated_at", Json.time(repo.pushedAt())).put("mirror_url", (String) null)
                .put("forks_count", 0).put("forks", 0).put("stargazers_count", 0).put("watchers_count", 0)
                .put("watchers", 0).put("open_issues_count", 0).put("open_issues", 0);
        json.set("owner", account(repo.owner(), baseUrl));
        json.set("license", license(repo.licenseSpdxId(), baseUrl));
        json.set("topics", Json.array());
        json.set("permissions", Json.object().put("admin", false).put("maintain", false).put("push", false)
                .put("triage", false).put("pull", true));
        return json;
    }

    /** The app (integration). */
    static ObjectNode app(AppRegistry.App app, String owner, Map<String, String> permissions, String baseUrl) {
        ObjectNode json = SPEC.object("integration");
        Json.rewriteStrings(json, relocate(baseUrl));
        json.put("id", app.id()).put("slug", app.slug()).put("client_id", app.clientId())
                .put("node_id", nodeId("Integration", app.id())).put("name", "Test App " + app.id())
                .put("description", "The app under test").put("external_url", "https://example.com")
                .put("html_url", "https://github.com/apps/" + app.slug()).put("created_at", CREATED_AT)
                .put("updated_at", CREATED_AT);
        json.set("owner", account(owner, baseUrl));
        json.set("permissions", Json.valueOf(permissions));
        ArrayNode events = Json.array().add("check_run").add("check_suite").add("installation_repositories")
                .add("push").add("repository");
        json.set("events", events);
        return json;
    }

    static ObjectNode installation(AppRegistry.Installation installation, AppRegistry.App app, String baseUrl) {
        ObjectNode json = SPEC.object("installation");
        Json.rewriteStrings(json, relocate(baseUrl));
        long id = installation.id();
        json.put("id", id).put("repository_selection", "selected")
                .put("access_tokens_url", baseUrl + "/app/installations/" + id + "/access_tokens")
                .put("repositories_url", baseUrl + "/installation/repositories")
                .put("html_url", "https://github.com/organizations/" + installation.account() + "/settings/installations/" + id)
                .put("app_id", app.id()).put("client_id", app.clientId()).put("app_slug", app.slug())
                .put("target_id", accountId(installation.account())).put("target_type", "Organization")
                .put("created_at", Json.time(installation.createdAt()))
                .put("updated_at", Json.time(installation.createdAt())).putNull("single_file_name")
                .put("has_multiple_single_files", false);
        json.set("single_file_paths", Json.array());
        json.set("account", account(installation.account(), baseUrl));
        json.set("permissions", Json.valueOf(installation.permissions()));
        return json;
    }

    static ObjectNode person(String name, String email, Instant date) {
        return Json.object().put("name", name).put("email", email).put("date", Json.time(date));
    }

    static ObjectNode verification() {
        return Json.object().put("verified", false).put("reason", "unsigned").putNull("signature").putNull("payload")
                .putNull("verified_at");
    }

    /** git-commit, as the Git Data API returns it. */
    static ObjectNode gitCommit(FakeRepository repo, GitObjects.Commit commit, String baseUrl) {
        String api = baseUrl + "/repos/" + repo.fullName();
        ObjectNode json = Json.object().put("sha", commit.sha())
                .put("node_id", nodeId("Commit", Math.abs(commit.sha().hashCode())))
                .put("url", api + "/git/commits/" + commit.sha())
                .put("html_url", "https://github.com/" + repo.fullName() + "/commit/" + commit.sha());
        json.set("author", person(commit.authorName(), commit.authorEmail(), commit.date()));
        json.set("committer", person(commit.authorName(), commit.authorEmail(), commit.date()));
        json.put("message", commit.message());
        json.set("tree", Json.object().put("sha", commit.tree()).put("url", api + "/git/trees/" + commit.tree()));
        ArrayNode parents = json.putArray("parents");
        for (String parent : commit.parents()) {
            parents.add(Json.object().put("sha", parent).put("url", api + "/git/commits/" + parent)
                    .put("html_url", "https://github.com/" + repo.fullName() + "/commit/" + parent));
        }
        json.set("verification", verification());
        return json;
    }

    /** commit, as branches and comparisons embed it (the REST "commit" rather than the git object). */
    static ObjectNode commit(FakeRepository repo, GitObjects.Commit commit, String baseUrl) {
        String api = baseUrl + "/repos/" + repo.fullName();
        String html = "https://github.com/" + repo.fullName();
        ObjectNode json = Json.object().put("url", api + "/commits/" + commit.sha()).put("sha", commit.sha())
                .put("node_id", nodeId("Commit", Math.abs(commit.sha().hashCode())))
                .put("html_url", html + "/commit/" + commit.sha())
                .put("comments_url", api + "/commits/" + commit.sha() + "/comments");
        ObjectNode inner = json.putObject("commit").put("url", api + "/git/commits/" + commit.sha());
        inner.set("author", person(commit.authorName(), commit.authorEmail(), commit.date()));
        inner.set("committer", person(commit.authorName(), commit.authorEmail(), commit.date()));
        inner.put("message", commit.message()).put("comment_count", 0);
        inner.set("tree", Json.object().put("sha", commit.tree()).put("url", api + "/git/trees/" + commit.tree()));
        inner.set("verification", verification());
        // GitHub links the git author to an account when it knows the email; ours are unknown, which GitHub sends as
        // null, but the spec's "nullable oneOf" makes the validator reject null, so send the empty-object branch.
        json.putObject("author");
        json.putObject("committer");
        ArrayNode parents = json.putArray("parents");
        for (String parent : commit.parents()) {
            parents.add(Json.object().put("sha", parent).put("url", api + "/commits/" + parent)
                    .put("html_url", html + "/commit/" + parent));
        }
        return json;
    }
}
