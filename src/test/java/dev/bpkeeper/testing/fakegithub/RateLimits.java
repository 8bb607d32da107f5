package dev.bpkeeper.testing.fakegithub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's primary rate limit per installation (5000 an hour). Only installation calls that GitHub bills use it up;
 * app JWT and anonymous calls report a full allowance.
 */
final class RateLimits {
    static final int LIMIT = 5000;

    private final Map<Long, Integer> used = new LinkedHashMap<>();
    private final long reset = Instant.now().plusSeconds(3600).getEpochSecond();

    synchronized int remaining(Long installationId) {
        return installationId == null ? LIMIT : LIMIT - used.getOrDefault(installationId, 0);
    }

    synchronized void consume(long installationId) {
        used.merge(installationId, 1, Integer::sum);
    }

    synchronized void setRemaining(long installationId, int remaining) {
        used.put(installationId, LIMIT - remaining);
    }

    synchronized Map<String, String> headers(Long installationId) {
        int remaining = remaining(installationId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", Integer.toString(LIMIT));
        headers.put("x-ratelimit-remaining", Integer.toString(Math.max(remaining, 0)));
        headers.put("x-ratelimit-used", Integer.toString(LIMIT - Math.max(remaining, 0)));
        headers.put("x-ratelimit-reset", Long.toString(reset));
        headers.put("x-ratelimit-resource", "core");
        return headers;
    }

    long resetEpochSecond() {
        return reset;
    }
}
