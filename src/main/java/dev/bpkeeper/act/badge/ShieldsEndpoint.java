package dev.bpkeeper.act.badge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * shields.io's endpoint badge schema (https://shields.io/badges/endpoint-badge), so that people can restyle our
 * badge with shields.io's options: {@code https://img.shields.io/endpoint?url=<our .json URL>&style=for-the-badge}.
 */
public final class ShieldsEndpoint {
    /** shields.io's own floor for cacheSeconds; it keeps our JSON this long at most. */
    static final int CACHE_SECONDS = 300;

    private ShieldsEndpoint() {
    }

    public static Map<String, Object> of(Badge badge) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 1);
        json.put("label", badge.label());
        json.put("message", badge.message());
        json.put("color", badge.bareColor());
        json.put("cacheSeconds", CACHE_SECONDS);
        return json;
    }
}
