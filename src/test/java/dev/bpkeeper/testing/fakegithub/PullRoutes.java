package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pull requests (list, create, get, update) and the issue comments posted on them. */
final class PullRoutes {
    static final String BOT_LOGIN = "test-app[bot]";
    private static final SpecDocument SPEC = SpecDocument.get();

    private PullRoutes() {
    }

    static void register(List<Route> routes) {
        Route.Access token = Route.Access.INSTALLATION;
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/pulls", token, PullRoutes::list)
                .needs("pull_requests", "read"));
        routes.add(Route.of("POST", "/repos/{owner}/{repo}/pulls", token, PullRoutes::create)
                .needs("pull_requests", "write"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", token, PullRoutes::get)
                .needs("pull_requests", "read"));
        routes.add(Route.of("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", token, PullRoutes::update)
                .needs("pull_requests", "write"));
        routes.add(Route.of("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", token,
                PullRoutes::comment));
    }

    private static Reply list(Call call) {
        FakeRepository repo = call.repo;
        String state = call.query("state").orElse("open");
        String head = call.query("head").orElse(null);
        String base = call.query("base").orElse(null);
        List<FakeRepository.PullState> pulls = new ArrayList<>();
        for (FakeRepository.PullState pull : repo.pullStates()) {
            boolean stateMatches = state.equals("all") || state.equals(pull.state);
            boolean headMatches = head == null || head.equals(repo.owner() + ":" + pull.head);
            boolean baseMatches = base == null || base.equals(pull.base);
            if (stateMatches && headMatches && baseMatches) {
                pulls.add(pull);
            }
        }
        pulls.sort(Comparator.comparingInt((FakeRepository.PullState p) -> p.number).reversed());
        Paging.Page<FakeRepository.PullState> page = Paging.page(pulls, call);
        ArrayNode json = Json.array();
        page.items().forEach(pull -> json.add(json(repo, pull, call.baseUrl)));
        return page.decorate(Reply.ok(json));
    }

    private static Reply create(Call call) {
        FakeRepository repo = call.repo;
        JsonNode body = call.json();
        String head = call.text(body, "head");
        String base = call.text(body, "base");
        if (head != null && head.contains(":")) {
            if (!head.substring(0, head.indexOf(':')).equalsIgnoreCase(repo.owner())) {
                throw invalid("head");
            }
            head = head.substring(head.indexOf(':') + 1);
        }
        if (head == null || repo.branch(head).isEmpty()) {
            throw invalid("head");
        }
        if (base == null || repo.branch(base).isEmpty()) {
            throw invalid("base");
        }
        String headSha = repo.branch(head).orElseThrow();
        String baseSha = repo.branch(base).orElseThrow();
        if (repo.git.isAncestor(headSha, baseSha)) {
            throw ApiError.validationFailed("No commits between " + base + " and " + head);
        }
        for (FakeRepository.PullState existing : repo.pullStates()) {
            if (existing.state.equals("open") && existing.head.equals(head) && existing.base.equals(base)) {
                throw ApiError.validationFailed("A pull request already exists for " + repo.owner() + ":" + head + ".");
            }
        }
        FakeRepository.PullState pull = repo.newPull(head, Instant.now());
        pull.base = base;
        pull.lastHeadSha = headSha;
        pull.title = call.text(body, "title");
        pull.body = call.text(body, "body");
        pull.draft = body.path("draft").asBoolean(false);
        pull.maintainerCanModify = body.path("maintainer_can_modify").asBoolean(true);
        return Reply.created(json(repo, pull, call.baseUrl));
    }

    private static ApiError invalid(String field) {
        return ApiError.invalidField("PullRequest", field, "invalid");
    }

    private static FakeRepository.PullState pull(Call call, String param) {
        try {
            return call.repo.pull(Integer.parseInt(call.param(param))).orElseThrow(ApiError::notFound);
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
    }

    private static Reply get(Call call) {
        return Reply.ok(json(call.repo, pull(call, "pull_number"), call.baseUrl));
    }

    private static Reply update(Call call) {
        FakeRepository repo = call.repo;
        FakeRepository.PullState pull = pull(call, "pull_number");
        JsonNode body = call.json();
        if (body.hasNonNull("title")) {
            pull.title = body.get("title").asText();
        }
        if (body.hasNonNull("body")) {
            pull.body = body.get("body").asText();
        }
        if (body.hasNonNull("base")) {
            if (repo.branch(body.get("base").asText()).isEmpty()) {
                throw invalid("base");
            }
            pull.base = body.get("base").asText();
        }
        if (body.hasNonNull("state")) {
            String state = body.get("state").asText();
            pull.closedAt = state.equals("closed") ? Instant.now() : null;
            pull.state = state;
        }
        if (body.has("maintainer_can_modify")) {
            pull.maintainerCanModify = body.get("maintainer_can_modify").asBoolean();
        }
        pull.lastHeadSha = pull.headSha();
        pull.updatedAt = Instant.now();
        return Reply.ok(json(repo, pull, call.baseUrl));
    }

    /** Only pull requests are modelled, so only they take comments; GitHub accepts issues or pull_requests write. */
    private static Reply comment(Call call) {
        FakeRepository repo = call.repo;
        Map<String, String> permissions = call.caller.token().permissions();
        if (!Permissions.allows(permissions, "issues", "write")
                && !Permissions.allows(permissions, "pull_requests", "write")) {
            return Reply.error(403, "Resource not accessible by integration");
        }
        FakeRepository.PullState pull = pull(call, "issue_number");
        Instant now = Instant.now();
        FakeRepository.Comment comment = repo.addComment(pull, call.json().path("body").asText(), now);
        String issueUrl = call.baseUrl + "/repos/" + repo.fullName() + "/issues/" + pull.number;
        ObjectNode json = Json.object().put("id", comment.id()).put("node_id", Shapes.nodeId("IssueComment", comment.id()))
                .put("url", call.baseUrl + "/repos/" + repo.fullName() + "/issues/comments/" + comment.id())
                .put("html_url", "https://github.com/" + repo.fullName() + "/pull/" + pull.number + "#issuecomment-"
                        + comment.id())
                .put("body", comment.body()).put("created_at", Json.time(now)).put("updated_at", Json.time(now))
                .put("issue_url", issueUrl).put("author_association", "NONE");
        json.set("user", bot(call.baseUrl));
        return Reply.created(json);
    }

    static ObjectNode bot(String baseUrl) {
        ObjectNode bot = Shapes.account(BOT_LOGIN, baseUrl);
        long id = Shapes.accountId(BOT_LOGIN);
        String inUrl = BOT_LOGIN.replace("[", "%5B").replace("]", "%5D");
        return bot.put("type", "Bot").put("node_id", Shapes.nodeId("Bot", id))
                .put("url", baseUrl + "/users/" + inUrl).put("repos_url", baseUrl + "/users/" + inUrl + "/repos")
                .put("events_url", baseUrl + "/users/" + inUrl + "/events{/privacy}")
                .put("html_url", "https://github.com/apps/" + BOT_LOGIN.replace("[bot]", ""));
    }

    /** pull-request from GitHub's example (which also satisfies pull-request-simple for lists). */
    private static ObjectNode json(FakeRepository repo, FakeRepository.PullState pull, String baseUrl) {
        ObjectNode json = SPEC.object("pull-request");
        Json.rewriteStrings(json, Map.of("/1347", "/" + pull.number));
        Json.rewriteStrings(json, Shapes.relocate("octocat/Hello-World", repo.fullName(), baseUrl));
        String api = baseUrl + "/repos/" + repo.fullName();
        String headSha = pull.headSha();
        Set<String> baseAncestors = repo.git.ancestors(repo.branch(pull.base).orElse(headSha));
        long commits = repo.git.ancestors(headSha).stream().filter(s -> !baseAncestors.contains(s)).count();
        json.put("id", pull.id).put("node_id", Shapes.nodeId("PullRequest", pull.id)).put("number", pull.number)
                .put("state", pull.state).put("locked", false).put("title", pull.title).put("body", pull.body)
                .putNull("milestone").putNull("active_lock_reason").put("created_at", Json.time(pull.createdAt))
                .put("updated_at", Json.time(pull.updatedAt))
                .put("closed_at", pull.closedAt == null ? null : Json.time(pull.closedAt))
                .put("merged_at", pull.merged ? Json.time(pull.closedAt) : null)
                .put("merge_commit_sha", pull.mergeCommitSha).putNull("assignee").put("author_association", "NONE")
                .putNull("auto_merge").put("draft", pull.draft).put("merged", pull.merged).put("mergeable", !pull.merged)
                .put("rebaseable", true).put("mergeable_state", "clean").putNull("merged_by")
                .put("comments", pull.comments.size()).put("review_comments", 0)
                .put("maintainer_can_modify", pull.maintainerCanModify).put("commits", commits)
                .put("additions", 0).put("deletions", 0).put("changed_files", 0)
                .put("statuses_url", api + "/statuses/" + headSha);
        json.set("user", bot(baseUrl));
        for (String empty : new String[] {"labels", "assignees", "requested_reviewers", "requested_teams"}) {
            json.putArray(empty);
        }
        json.set("head", side(repo, pull.head, headSha, baseUrl));
        json.set("base", side(repo, pull.base, repo.branch(pull.base).orElse(headSha), baseUrl));
        return json;
    }

    private static ObjectNode side(FakeRepository repo, String branch, String sha, String baseUrl) {
        ObjectNode side = Json.object().put("label", repo.owner() + ":" + branch).put("ref", branch).put("sha", sha);
        side.set("user", Shapes.account(repo.owner(), baseUrl));
        side.set("repo", Shapes.repository(repo, baseUrl));
        return side;
    }
}
