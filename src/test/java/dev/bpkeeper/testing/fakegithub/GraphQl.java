package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.SourceLocation;
import graphql.schema.DataFetcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /graphql}, answered through GitHub's published schema ({@link GraphQlSchema}): any query GitHub
 * accepts is answered from the fake's state, and any query GitHub would refuse gets GitHub's refusal (HTTP 200,
 * {@code errors} with GitHub's message and {@code extensions.code}, no {@code data}) and is recorded as a contract
 * violation, so that a product query GitHub does not accept fails every test that sends it.
 */
final class GraphQl {
    private final GitHubState state;
    private final ContractChecker checker;

    GraphQl(GitHubState state, ContractChecker checker) {
        this.state = state;
        this.checker = checker;
    }

    Reply handle(Call call) {
        JsonNode body = call.json();
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual()) {
            return Reply.error(400, "A query attribute must be specified and must be a string.");
        }
        Map<String, Object> variables = body.path("variables").isObject()
                ? Json.MAPPER.convertValue(body.get("variables"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("repository", (DataFetcher<Object>) env -> {
            String owner = env.getArgument("owner");
            String name = env.getArgument("name");
            Optional<FakeRepository> repo = state.find(owner, name).filter(r -> call.caller.token().covers(r.fullName()));
            if (repo.isEmpty()) {
                return GraphQlSchema.nullWithError(env, "NOT_FOUND",
                        "Could not resolve to a Repository with the name '" + owner + "/" + name + "'.");
            }
            return GraphQlNodes.repository(repo.get(), call.baseUrl);
        });
        GraphQlSchema.Outcome outcome = GraphQlSchema.get().run(query.asText(), variables, root);
        if (!outcome.executed()) {
            checker.record("graphql: GitHub refuses this query: " + outcome.errors().stream()
                    .map(GraphQlSchema.GitHubError::message).toList() + "\n" + query.asText());
        }
        outcome.unserved().forEach(field -> checker.record("graphql: the fake does not serve " + field
                + ", which this query selects"));
        outcome.faults().forEach(fault -> checker.record("graphql: the fake's answer breaks GitHub's schema: " + fault));
        return Reply.ok(answer(outcome));
    }

    /** GitHub's answer document: {@code data} only when the query ran, {@code errors} only when there are some. */
    static ObjectNode answer(GraphQlSchema.Outcome outcome) {
        ObjectNode json = Json.object();
        outcome.data().ifPresent(data -> json.set("data", Json.MAPPER.valueToTree(data)));
        if (!outcome.errors().isEmpty()) {
            ArrayNode errors = json.putArray("errors");
            for (GraphQlSchema.GitHubError error : outcome.errors()) {
                ObjectNode item = errors.addObject();
                if (error.type() != null) {
                    item.put("type", error.type());
                }
                if (error.path() != null) {
                    item.set("path", Json.MAPPER.valueToTree(error.path()));
                }
                if (!error.extensions().isEmpty()) {
                    item.set("extensions", Json.MAPPER.valueToTree(error.extensions()));
                }
                ArrayNode locations = item.putArray("locations");
                for (SourceLocation at : error.locations() == null ? java.util.List.<SourceLocation>of()
                        : error.locations()) {
                    if (at != null) {
                        locations.addObject().put("line", at.getLine()).put("column", at.getColumn());
                    }
                }
                item.put("message", error.message());
            }
        }
        return json;
    }
}
