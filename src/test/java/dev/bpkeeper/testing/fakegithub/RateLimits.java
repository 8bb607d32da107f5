package dev.bpkeeper.testing.fakegithub;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's primary rate limit per installation (5000 an hour). Only installation calls that GitHub bills use it up;
 * app JWT and anonymous calls report a full allowance. A test may give an installation a smaller allowance over a
 * shorter window, which starts afresh at its reset as GitHub's does, to prove that the app paces itself.
 */
final class RateLimits {
    static final int LIMIT = 5000;

    /** An installation's own allowance: {@code limit} requests per window of {@code seconds}. */
    private record Window(int limit, long seconds) {
    }

    private final Map<Long, Integer> used = new LinkedHashMap<>();
    private final Map<Long, Window> windows = new HashMap<>();
    private final Map<Long, Long> resets = new HashMap<>();
    private final long reset = Instant.now().plusSeconds(3600).getEpochSecond();

    synchronized int remaining(Long installationId) {
        roll(installationId);
        return installationId == null ? LIMIT : limit(installationId) - used.getOrDefault(installationId, 0);
    }

    synchronized void consume(long installationId) {
        roll(installationId);
        used.merge(installationId, 1, Integer::sum);
    }

    synchronized void setRemaining(long installationId, int remaining) {
        used.put(installationId, limit(installationId) - remaining);
    }

    /** From now on, {@code limit} requests per {@code window} (whole seconds, as x-ratelimit-reset counts). */
    synchronized void window(long installationId, int limit, Duration window) {
        long seconds = Math.max(1, window.toSeconds());
        windows.put(installationId, new Window(limit, seconds));
        used.put(installationId, 0);
        resets.put(installationId, Instant.now().getEpochSecond() + seconds);
    }

    synchronized Map<String, String> headers(Long installationId) {
        int remaining = remaining(installationId);
        int limit = installationId == null ? LIMIT : limit(installationId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", Integer.toString(limit));
        headers.put("x-ratelimit-remaining", Integer.toString(Math.max(remaining, 0)));
        headers.put("x-ratelimit-used", Integer.toString(limit - Math.max(remaining, 0)));
        headers.put("x-ratelimit-reset", Long.toString(resetEpochSecond(installationId)));
        headers.put("x-ratelimit-resource", "core");
        return headers;
    }

    synchronized int limit(long installationId) {
        Window window = windows.get(installationId);
        return window == null ? LIMIT : window.limit();
    }

    synchronized long resetEpochSecond(Long installationId) {
        return installationId == null ? reset : resets.getOrDefault(installationId, reset);
    }

    /** A window that has passed its reset starts afresh, with its whole allowance. */
    private void roll(Long installationId) {
        Window window = installationId == null ? null : windows.get(installationId);
        if (window == null) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        if (now >= resets.get(installationId)) {
            used.put(installationId, 0);
            resets.put(installationId, now + window.seconds());
        }
    }
}
