package dev.bpkeeper.testing.fakegithub;

import java.util.List;
import java.util.Map;

/** For tests outside the fake: whether GitHub would run a GraphQL query, judged by GitHub's published schema. */
public final class GraphQlContract {
    private GraphQlContract() {
    }

    /** GitHub's refusals of the query, each as GitHub words it ("Field 'x' doesn't exist on type 'T'"); empty if none. */
    public static List<String> refusals(String query) {
        return GraphQlSchema.get().refusals(query, Map.of()).stream().map(GraphQlSchema.GitHubError::message).toList();
    }

    /** GitHub's whole answer to a query it refuses (HTTP 200, {@code errors}, no {@code data}), as JSON text. */
    public static String refusalDocument(String query) {
        return Json.write(GraphQl.answer(new GraphQlSchema.Outcome(java.util.Optional.empty(),
                GraphQlSchema.get().refusals(query, Map.of()), java.util.Set.of(), List.of())));
    }
}
