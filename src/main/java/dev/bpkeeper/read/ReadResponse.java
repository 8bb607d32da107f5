package dev.bpkeeper.read;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a read request gets: status, headers and the exact bytes of the body (empty for 304 and HEAD). */
public record ReadResponse(int status, Map<String, String> headers, byte[] body) {
    public ReadResponse {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The same answer without a body (HEAD, 304), keeping the validators and caching headers. */
    ReadResponse withoutBody(int newStatus) {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        if (newStatus == 304) {
            kept.remove("Content-Type");
        }
        return new ReadResponse(newStatus, kept, new byte[0]);
    }
}
