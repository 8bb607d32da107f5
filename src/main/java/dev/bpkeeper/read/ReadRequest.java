package dev.bpkeeper.read;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A read request, whoever carried it (the local HTTP server or API Gateway).
 *
 * @param path the raw path, never decoded: a name with "%2e%2e" or "%2f" in it is simply not a valid name
 * @param query the raw query string without "?", or empty
 * @param headers request headers; names are compared in lower case
 */
public record ReadRequest(String method, String path, String query, Map<String, String> headers) {
    public ReadRequest {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        path = path == null ? "" : path;
        query = query == null ? "" : query;
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        }
        headers = Map.copyOf(lower);
    }

    public static ReadRequest get(String path) {
        return new ReadRequest("GET", path, "", Map.of());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first value of a query parameter, decoded. */
    public Optional<String> param(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
