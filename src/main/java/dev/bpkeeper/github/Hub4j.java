package dev.bpkeeper.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/** Runs a hub4j call and turns its IOExceptions into classified {@link GitHubFailure}s. */
public final class Hub4j {

    private Hub4j() {
    }

    /** A hub4j call that may fail with an IOException. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    public static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (HttpException e) {
            return rethrow(e.getResponseCode(), headers(e::getResponseHeaderFields), what, e);
        } catch (org.kohsuke.github.GHFileNotFoundException e) {
            return rethrow(404, headers(e::getResponseHeaderFields), what, e);
        } catch (GHIOException e) {
            Map<String, List<String>> headers = headers(e::getResponseHeaderFields);
            return rethrow(statusOf(headers), headers, what, e);
        } catch (java.io.FileNotFoundException e) {
            throw new GitHubFailure(GitHubFailure.Kind.NOT_FOUND, 404, null, what + ": not found", e);
        } catch (InterruptedIOException | ConnectException e) {
            throw GitHubFailure.network(what, e);
        } catch (IOException e) {
            throw GitHubFailure.network(what, e);
        }
    }

    /**
     * hub4j's handle on a repository, built from what a GraphQL answer already said about it (id, names, owner,
     * visibility) instead of the {@code GET /repos/{owner}/{repo}} that {@code GitHub.getRepository} sends. It
     * goes through hub4j's public reading of webhook payloads, which wires the handle to this client like a
     * fetched one.
     */
    public static org.kohsuke.github.GHRepository repository(org.kohsuke.github.GitHub gitHub, String apiUrl,
                                                             com.fasterxml.jackson.databind.JsonNode graphql) {
        String fullName = graphql.path("nameWithOwner").asText();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        var repository = json.putObject("repository");
        repository.put("id", graphql.path("databaseId").asLong())
                .put("name", graphql.path("name").asText())
                .put("full_name", fullName)
                .put("private", graphql.path("isPrivate").asBoolean(true))
                .put("archived", graphql.path("isArchived").asBoolean())
                .put("fork", graphql.path("isFork").asBoolean())
                .put("html_url", graphql.path("url").asText())
                .put("url", apiUrl.replaceAll("/+$", "") + "/repos/" + fullName)
                .put("default_branch", graphql.path("defaultBranchRef").path("name").asText(""));
        repository.putObject("owner").put("login", graphql.path("owner").path("login").asText());
        return call("repository " + fullName, () -> gitHub.parseEventPayload(new java.io.StringReader(json.toString()),
                org.kohsuke.github.GHEventPayload.Ping.class).getRepository());
    }

    private static <T> T rethrow(int status, Map<String, List<String>> headers, String what, Throwable cause) {
        throw GitHubFailure.of(status, first(headers, "x-ratelimit-remaining"), first(headers, "x-ratelimit-reset"),
                first(headers, "retry-after"), Instant.now().getEpochSecond(), what, cause);
    }

    /** A call that got no answer (a timeout) has no headers; hub4j then throws instead of returning none. */
    private static Map<String, List<String>> headers(java.util.function.Supplier<Map<String, List<String>>> fields) {
        try {
            Map<String, List<String>> headers = fields.get();
            return headers == null ? Map.of() : headers;
        } catch (NullPointerException noResponse) {
            return Map.of();
        }
    }

    private static int statusOf(Map<String, List<String>> headers) {
        String line = first(headers, null);
        if (line != null && line.startsWith("HTTP/")) {
            String[] parts = line.split(" ");
            if (parts.length > 1) {
                try {
                    return Integer.parseInt(parts[1]);
                } catch (NumberFormatException ignored) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name == null ? entry.getKey() == null : name.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue() == null || entry.getValue().isEmpty() ? null : entry.getValue().get(0);
            }
        }
        return null;
    }
}
