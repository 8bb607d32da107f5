package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before the server adds ETag and rate-limit headers; {@code body} null means no body. */
record Reply(int status, Map<String, String> headers, JsonNode body) {
    static final String DOCUMENTATION_URL = "https://docs.github.com/rest";

    static Reply ok(JsonNode body) {
        return new Reply(200, Map.of(), body);
    }

    static Reply created(JsonNode body) {
        return new Reply(201, Map.of(), body);
    }

    static Reply noContent() {
        return new Reply(204, Map.of(), null);
    }

    /** GitHub's error body: {@code {"message": ..., "documentation_url": ...}}. */
    static Reply error(int status, String message) {
        ObjectNode body = Json.object().put("message", message).put("documentation_url", DOCUMENTATION_URL);
        return new Reply(status, Map.of(), body);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body);
    }
}
