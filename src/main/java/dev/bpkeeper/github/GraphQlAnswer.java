package dev.bpkeeper.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * GitHub's answer to a GraphQL query, told apart the way GitHub means it. GraphQL answers HTTP 200 to nearly
 * everything, so the body decides:
 * <ul>
 * <li>a rate limit ({@code "type": "RATE_LIMITED"}, or {@code "RATE_LIMIT"} with {@code "code": "graphql_rate_limit"})
 * is {@link GitHubFailure.Kind#RATE_LIMITED}, until {@code x-ratelimit-reset};</li>
 * <li>no {@code data} at all means the query never ran: GitHub refused it (a field it does not have, a missing page
 * size ...). Sending it again cannot help, so it is {@link GitHubFailure.Kind#REJECTED}, with GitHub's words;</li>
 * <li>{@code data} that is null is GitHub failing while it ran (a timeout): {@link GitHubFailure.Kind#TRANSIENT};</li>
 * <li>otherwise the data, and the errors that came with it, each at its path: the caller decides what a missing
 * repository or one failed alias means.</li>
 * </ul>
 */
public record GraphQlAnswer(JsonNode data, List<Problem> problems) {
    private static final Set<String> RATE_LIMIT_TYPES = Set.of("RATE_LIMITED", "RATE_LIMIT");
    private static final Duration RATE_LIMIT_FALLBACK = Duration.ofSeconds(60);

    public GraphQlAnswer {
        problems = List.copyOf(problems);
    }

    /**
     * An error GitHub returned beside the data.
     *
     * @param type GitHub's error type (NOT_FOUND, FORBIDDEN ...), empty when it gave none
     * @param code GitHub's {@code extensions.code} for a refused query (undefinedField ...), empty when none
     * @param path where in the data it happened ("repository", "f3"), empty for the whole query
     */
    public record Problem(String type, String code, List<String> path, String message) {
        public Problem {
            path = List.copyOf(path);
        }

        /** "GitHub answered ... at repository.f3": a reason fit for an Unknown. */
        public String describe() {
            return "GitHub answered " + (type.isEmpty() ? "" : type + ": ") + message
                    + (path.isEmpty() ? "" : " (at " + String.join(".", path) + ")");
        }
    }

    /** The first problem at exactly this path, e.g. {@code problemAt("repository", "tags")}. */
    public Optional<Problem> problemAt(String... path) {
        List<String> wanted = Arrays.asList(path);
        return problems.stream().filter(p -> p.path().equals(wanted)).findFirst();
    }

    /**
     * @param header a response header by (lower-case) name, or null
     * @param what the request, for messages ("GraphQL query for acme/widget")
     * @throws GitHubFailure for a rate limit, a refused query, or a query that failed while running
     */
    public static GraphQlAnswer of(JsonNode body, Function<String, String> header, long nowEpochSecond, String what) {
        List<Problem> problems = new ArrayList<>();
        body.path("errors").forEach(e -> problems.add(problem(e)));
        JsonNode rateLimited = null;
        for (JsonNode error : body.path("errors")) {
            if (RATE_LIMIT_TYPES.contains(error.path("type").asText())
                    || "graphql_rate_limit".equals(error.path("code").asText())
                    || "graphql_rate_limit".equals(error.path("extensions").path("code").asText())) {
                rateLimited = error;
                break;
            }
        }
        if (rateLimited != null) {
            throw rateLimited(rateLimited, header, nowEpochSecond, what);
        }
        if (!body.has("data") && problems.isEmpty()) {
            throw new GitHubFailure(GitHubFailure.Kind.TRANSIENT, 200, null, what + ": an answer with neither data"
                    + " nor errors", null);
        }
        if (!body.has("data")) {
            throw new GitHubFailure(GitHubFailure.Kind.REJECTED, 200, null, what + ": GitHub refused the query: "
                    + String.join("; ", problems.stream().map(p -> p.message() + (p.code().isEmpty()
                            ? (p.type().isEmpty() ? "" : " (" + p.type() + ")") : " (" + p.code() + ")"))
                            .distinct().toList()), null);
        }
        if (body.get("data").isNull()) {
            throw new GitHubFailure(GitHubFailure.Kind.TRANSIENT, 200, null, what + ": GitHub failed while running"
                    + " the query" + (problems.isEmpty() ? "" : " (" + problems.get(0).message() + ")"), null);
        }
        return new GraphQlAnswer(body.get("data"), problems);
    }

    private static GitHubFailure rateLimited(JsonNode error, Function<String, String> header, long now,
                                             String what) {
        Duration wait = RATE_LIMIT_FALLBACK;
        String retryAfter = header.apply("retry-after");
        String reset = header.apply("x-ratelimit-reset");
        try {
            if (retryAfter != null) {
                wait = Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.strip())));
            } else if (reset != null) {
                wait = Duration.ofSeconds(Math.max(1, Long.parseLong(reset.strip()) - now));
            }
        } catch (NumberFormatException unreadable) {
            // GitHub's own header is unreadable: the usual minute
        }
        String resource = header.apply("x-ratelimit-resource");
        return new GitHubFailure(GitHubFailure.Kind.RATE_LIMITED, 200, wait, what + ": " + (resource == null
                ? "GraphQL" : resource) + " rate limit exceeded (" + error.path("message").asText("") + ")", null);
    }

    private static Problem problem(JsonNode error) {
        List<String> path = new ArrayList<>();
        error.path("path").forEach(p -> path.add(p.asText()));
        String code = error.path("extensions").path("code").asText(error.path("code").asText(""));
        return new Problem(error.path("type").asText(""), code, path, error.path("message").asText(""));
    }
}
