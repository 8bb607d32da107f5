package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An incoming request, with what routing and authentication found out about it. */
final class Call {
    final String method;
    final String path;
    final String rawQuery;
    final Map<String, String> query;
    final Map<String, String> headers;
    final byte[] body;
    final String baseUrl;
    Map<String, String> params = Map.of();
    Caller caller = Caller.anonymous();
    FakeRepository repo;

    Call(String method, String path, String rawQuery, Map<String, String> headers, byte[] body, String baseUrl) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.baseUrl = baseUrl;
    }

    String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    int intQuery(String name, int fallback) {
        try {
            return query(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body; GitHub answers 400 "Problems parsing JSON" to anything else. */
    JsonNode json() {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiError(400, "Problems parsing JSON");
        }
    }

    /** The JSON body's fields; missing or wrong-typed fields are the contract checker's business, not ours. */
    String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }

    List<String> queryNames() {
        return List.copyOf(query.keySet());
    }
}
