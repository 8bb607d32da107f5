package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Check runs: create, update (every PATCH body kept), list for a ref. */
final class CheckRunRoutes {
    private static final String APP_OWNER = "test-app-owner";
    private final GitHubState state;

    private CheckRunRoutes(GitHubState state) {
        this.state = state;
    }

    static void register(List<Route> routes, GitHubState state) {
        CheckRunRoutes r = new CheckRunRoutes(state);
        Route.Access token = Route.Access.INSTALLATION;
        routes.add(Route.of("POST", "/repos/{owner}/{repo}/check-runs", token, r::create).needs("checks", "write"));
        routes.add(Route.of("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", token, r::update)
                .needs("checks", "write"));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", token, r::list)
                .needs("checks", "read"));
    }

    private Reply create(Call call) {
        FakeRepository repo = call.repo;
        JsonNode body = call.json();
        String headSha = call.text(body, "head_sha");
        if (headSha == null || repo.git.commit(headSha).isEmpty()) {
            throw ApiError.validationFailed("No commit found for SHA: " + headSha);
        }
        FakeRepository.CheckRunState run = repo.newCheckRun();
        run.headSha = headSha;
        run.startedAt = Instant.now();
        apply(run, body);
        return Reply.created(json(repo, run, call));
    }

    private Reply update(Call call) {
        FakeRepository repo = call.repo;
        long id;
        try {
            id = Long.parseLong(call.param("check_run_id"));
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
        FakeRepository.CheckRunState run = repo.checkRun(id).orElseThrow(ApiError::notFound);
        JsonNode body = call.json();
        run.updates.add(body.deepCopy());
        apply(run, body);
        return Reply.ok(json(repo, run, call));
    }

    /** The fields GitHub takes from a create or update body; a conclusion completes the run. */
    private static void apply(FakeRepository.CheckRunState run, JsonNode body) {
        if (body.hasNonNull("name")) {
            run.name = body.get("name").asText();
        }
        if (body.hasNonNull("details_url")) {
            run.detailsUrl = body.get("details_url").asText();
        }
        if (body.hasNonNull("external_id")) {
            run.externalId = body.get("external_id").asText();
        }
        if (body.hasNonNull("started_at")) {
            run.startedAt = Instant.parse(body.get("started_at").asText());
        }
        if (body.hasNonNull("status")) {
            run.status = body.get("status").asText();
        }
        if (body.hasNonNull("conclusion")) {
            run.conclusion = body.get("conclusion").asText();
            run.status = "completed";
        }
        if ("completed".equals(run.status)) {
            if (run.conclusion == null) {
                throw ApiError.validationFailed("Invalid request.\n\n\"conclusion\" wasn't supplied.");
            }
            run.completedAt = body.hasNonNull("completed_at") ? Instant.parse(body.get("completed_at").asText())
                    : run.completedAt == null ? Instant.now() : run.completedAt;
        }
        JsonNode output = body.get("output");
        if (output != null && output.isObject()) {
            if (output.has("title")) {
                run.title = output.get("title").asText();
            }
            if (output.has("summary")) {
                run.summary = output.get("summary").asText();
            }
            if (output.has("text")) {
                run.text = output.get("text").asText();
            }
            output.path("annotations").forEach(a -> run.annotations.add(a.deepCopy()));
        }
        if (body.has("actions")) {
            List<JsonNode> actions = new ArrayList<>();
            body.get("actions").forEach(a -> actions.add(a.deepCopy()));
            run.actions = List.copyOf(actions);
        }
    }

    private Reply list(Call call) {
        FakeRepository repo = call.repo;
        String ref = call.param("ref");
        String sha = repo.git.resolveCommit(ref)
                .orElseThrow(() -> ApiError.validationFailed("No commit found for SHA: " + ref));
        String name = call.query("check_name").orElse(null);
        String status = call.query("status").orElse(null);
        boolean latestOnly = !"all".equals(call.query("filter").orElse("latest"));
        Map<String, FakeRepository.CheckRunState> latest = new LinkedHashMap<>();
        List<FakeRepository.CheckRunState> runs = new ArrayList<>();
        for (FakeRepository.CheckRunState run : repo.checkRunStates()) {
            if (!run.headSha.equals(sha) || (name != null && !name.equals(run.name))
                    || (status != null && !status.equals(run.status))) {
                continue;
            }
            runs.add(run);
            latest.put(run.name, run);
        }
        List<FakeRepository.CheckRunState> shown = new ArrayList<>(latestOnly ? latest.values() : runs);
        shown.sort(Comparator.comparingLong((FakeRepository.CheckRunState r) -> r.id).reversed());
        Paging.Page<FakeRepository.CheckRunState> page = Paging.page(shown, call);
        ObjectNode json = Json.object().put("total_count", shown.size());
        ArrayNode checkRuns = json.putArray("check_runs");
        page.items().forEach(run -> checkRuns.add(json(repo, run, call)));
        return page.decorate(Reply.ok(json));
    }

    private ObjectNode json(FakeRepository repo, FakeRepository.CheckRunState run, Call call) {
        String api = call.baseUrl + "/repos/" + repo.fullName() + "/check-runs/" + run.id;
        String html = "https://github.com/" + repo.fullName() + "/runs/" + run.id;
        ObjectNode json = Json.object().put("id", run.id).put("head_sha", run.headSha)
                .put("node_id", Shapes.nodeId("CheckRun", run.id)).put("external_id", run.externalId)
                .put("url", api).put("html_url", html).put("details_url", run.detailsUrl == null ? html : run.detailsUrl)
                .put("status", run.status).put("conclusion", run.conclusion)
                .put("started_at", run.startedAt == null ? null : Json.time(run.startedAt))
                .put("completed_at", run.completedAt == null ? null : Json.time(run.completedAt))
                .put("name", run.name);
        json.putObject("output").put("title", run.title).put("summary", run.summary).put("text", run.text)
                .put("annotations_count", run.annotations.size()).put("annotations_url", api + "/annotations");
        json.putObject("check_suite").put("id", Math.floorMod(run.headSha.hashCode(), 1_000_000) + 1);
        Map<String, String> permissions = call.caller.installation() == null ? Map.of()
                : call.caller.installation().permissions();
        json.set("app", Shapes.app(state.apps.appOrStandIn(), APP_OWNER, permissions, call.baseUrl));
        json.putArray("pull_requests");
        return json;
    }
}
