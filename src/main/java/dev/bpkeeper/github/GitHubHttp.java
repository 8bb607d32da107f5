package dev.bpkeeper.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The calls hub4j 1.330 has no method for: GraphQL, small REST reads such as private vulnerability reporting,
 * and writes to a ref the app did not just create (hub4j reads refs through an undocumented path). Same token,
 * same timeouts, same failure classification.
 */
public final class GitHubHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubHttp() {
    }

    /**
     * POSTs a GraphQL query and reads GitHub's answer (see {@link GraphQlAnswer}): data with the errors that came
     * with it, or a {@link GitHubFailure} for a rate limit, a refused query, or a query GitHub failed to run.
     */
    public static GraphQlAnswer graphql(String graphqlUrl, String token, String query, Duration timeout) {
        String what = "GraphQL query";
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("query", query));
        } catch (IOException e) {
            throw GitHubFailure.network(what, e);
        }
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(graphqlUrl))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), token,
                what, timeout);
        return GraphQlAnswer.of(read(response, what), name -> header(response, name), Instant.now().getEpochSecond(),
                what);
    }

    /**
     * GETs a resource that never changes once it exists (a git tag object by its sha): the cache's copy is the
     * answer, so only the first read costs a request.
     */
    public static JsonNode getImmutable(String apiUrl, String path, String token, Duration timeout, EtagCache cache,
                                        String scope) {
        String key = scope + " immutable " + apiUrl.replaceAll("/+$", "") + path;
        java.util.Optional<EtagCache.Entry> cached = cache.get(key);
        if (cached.isPresent()) {
            try {
                return JSON.readTree(cached.get().body());
            } catch (IOException e) {
                // an unreadable copy is a miss: read it again below
            }
        }
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(apiUrl.replaceAll("/+$", "")
                + path)).GET(), token, "GET " + path, timeout);
        JsonNode answer = read(response, "GET " + path);
        cache.put(key, new EtagCache.Entry(response.headers().firstValue("ETag").orElse(""),
                response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", null));
        return answer;
    }

    /** GETs a REST resource as JSON, conditionally when the cache has its ETag (a 304 costs no rate limit). */
    public static JsonNode get(String apiUrl, String path, String token, Duration timeout, EtagCache cache,
                               String scope) {
        String url = apiUrl.replaceAll("/+$", "") + path;
        String key = scope + " " + url;
        java.util.Optional<EtagCache.Entry> cached = cache.get(key);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        cached.ifPresent(c -> request.header("If-None-Match", c.etag()));
        HttpResponse<String> response = exchange(request, token, "GET " + path, timeout);
        try {
            if (response.statusCode() == 304 && cached.isPresent()) {
                return JSON.readTree(cached.get().body());
            }
            JsonNode answer = read(response, "GET " + path);
            response.headers().firstValue("ETag").ifPresent(etag -> cache.put(key, new EtagCache.Entry(etag,
                    response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", null)));
            return answer;
        } catch (IOException e) {
            throw new GitHubFailure(GitHubFailure.Kind.TRANSIENT, response.statusCode(), null,
                    "GET " + path + ": the cached answer is not JSON", e);
        }
    }

    /**
     * Sends a REST write ("PATCH", "DELETE" ...) with an optional JSON body; a null token sends it unauthenticated
     * (the App manifest conversion, whose one-time code is the credential).
     *
     * @return the answer, or a missing node when GitHub answers without a body (204)
     */
    public static JsonNode write(String method, String apiUrl, String path, Object body, String token,
                                 Duration timeout) {
        String what = method + " " + path;
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(apiUrl.replaceAll("/+$", "")
                    + path)).method(method, publisher).header("Content-Type", "application/json"), token, what, timeout);
            return response.body().isBlank() ? JSON.missingNode() : read(response, what);
        } catch (IOException e) {
            throw GitHubFailure.network(what, e);
        }
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request, String token, String what,
                                                 Duration timeout) {
        HttpResponse<String> response;
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            response = HTTP.send(request.timeout(timeout)
                    .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", "best-practices-keeper").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw GitHubFailure.network(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GitHubFailure.network(what, e);
        }
        if (response.statusCode() / 100 != 2 && response.statusCode() != 304) {
            throw GitHubFailure.of(response.statusCode(), header(response, "x-ratelimit-remaining"),
                    header(response, "x-ratelimit-reset"), header(response, "retry-after"),
                    Instant.now().getEpochSecond(), what, null);
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response, String what) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GitHubFailure(GitHubFailure.Kind.TRANSIENT, response.statusCode(), null,
                    what + ": the answer is not JSON", e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
