package dev.bpkeeper.edge.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The random `state` of each registration started on /setup: GitHub hands it back with the code, and only a state
 * issued here, recently, and not used before lets the code be exchanged (no one else's redirect can plant an App).
 */
@ApplicationScoped
public class RegistrationStates {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    public String issue() {
        Instant now = clock.instant();
        issued.values().removeIf(expiry -> expiry.isBefore(now));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(state, now.plus(LIFETIME));
        return state;
    }

    /** True once for a state issued here that has not expired; it cannot be used again. */
    public boolean consume(String state) {
        if (state == null) {
            return false;
        }
        Instant expiry = issued.remove(state);
        return expiry != null && !expiry.isBefore(clock.instant());
    }
}
