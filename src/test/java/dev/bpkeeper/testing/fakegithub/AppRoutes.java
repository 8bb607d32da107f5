package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoints an app calls as itself, with its JWT: the app, its installations, installation tokens. */
final class AppRoutes {
    private static final String APP_OWNER = "test-app-owner";
    private final GitHubState state;

    private AppRoutes(GitHubState state) {
        this.state = state;
    }

    static void register(List<Route> routes, GitHubState state) {
        AppRoutes app = new AppRoutes(state);
        routes.add(Route.of("GET", "/app", Route.Access.APP, app::getApp));
        routes.add(Route.of("GET", "/app/installations/{installation_id}", Route.Access.APP, app::getInstallation));
        routes.add(Route.of("POST", "/app/installations/{installation_id}/access_tokens", Route.Access.APP,
                app::createToken));
        routes.add(Route.of("GET", "/repos/{owner}/{repo}/installation", Route.Access.APP, app::repoInstallation));
    }

    private AppRegistry.App registered() {
        return state.apps.app().orElseThrow(() -> new ApiError(401, "A JSON web token could not be decoded"));
    }

    private Reply getApp(Call call) {
        // The app asks for the union of what its installations granted.
        Map<String, String> permissions = new LinkedHashMap<>();
        permissions.put("metadata", "read");
        state.apps.installations().forEach(i -> permissions.putAll(i.permissions()));
        return Reply.ok(Shapes.app(registered(), APP_OWNER, permissions, call.baseUrl));
    }

    private AppRegistry.Installation installation(Call call) {
        long id;
        try {
            id = Long.parseLong(call.param("installation_id"));
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
        return state.apps.installation(id).orElseThrow(ApiError::notFound);
    }

    private Reply getInstallation(Call call) {
        return Reply.ok(Shapes.installation(installation(call), registered(), call.baseUrl));
    }

    private Reply createToken(Call call) {
        AppRegistry.Installation installation = installation(call);
        JsonNode body = call.json();
        List<String> names = new ArrayList<>();
        body.path("repositories").forEach(n -> names.add(n.asText()));
        body.path("repository_ids").forEach(n -> state.all().stream().filter(r -> r.id() == n.asLong())
                .forEach(r -> names.add(r.name())));
        Map<String, String> permissions = new LinkedHashMap<>();
        body.path("permissions").properties().forEach(f -> permissions.put(f.getKey(), f.getValue().asText()));
        AppRegistry.Token token = state.apps.issue(installation, names, permissions);
        ObjectNode json = Json.object().put("token", token.value()).put("expires_at", Json.time(token.expiresAt()));
        json.set("permissions", Json.valueOf(token.permissions()));
        json.put("repository_selection", "selected");
        ArrayNode repositories = json.putArray("repositories");
        for (String fullName : token.repositories().stream().sorted().toList()) {
            String[] parts = fullName.split("/");
            state.find(parts[0], parts[1]).ifPresent(repo -> {
                synchronized (repo) {
                    repositories.add(Shapes.repository(repo, call.baseUrl));
                }
            });
        }
        return Reply.created(json);
    }

    private Reply repoInstallation(Call call) {
        String fullName = call.param("owner") + "/" + call.param("repo");
        AppRegistry.Installation installation = state.apps.installationCovering(fullName)
                .orElseThrow(ApiError::notFound);
        return Reply.ok(Shapes.installation(installation, registered(), call.baseUrl));
    }
}
