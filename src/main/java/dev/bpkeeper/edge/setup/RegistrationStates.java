package dev.bpkeeper.edge.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The random `state` of each registration started on /setup: GitHub hands it back with the code, and only a state
 * issued here, recently, not used before, and to the same browser (a cookie it was given with the state) lets the
 * code be exchanged. So a state fetched by someone else cannot carry their App's code into this browser's
 * registration, and a link carrying another browser's state does nothing. At most {@link #MAX_OUTSTANDING} are
 * kept: opening /setup again and again costs no memory beyond that (the oldest is forgotten first).
 */
@ApplicationScoped
public class RegistrationStates {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final int MAX_OUTSTANDING = 100;
    private final SecureRandom random = new SecureRandom();
    /** Oldest first, so that the bound forgets the registration least likely to still be wanted. */
    private final Map<String, Issued> issued = new LinkedHashMap<>();

    @Inject
    Clock clock;

    /** A new registration: its state (for GitHub) and the browser's token (for the cookie). */
    public record Registration(String state, String browser) {
    }

    private record Issued(byte[] browser, Instant expiry) {
    }

    public synchronized Registration issue() {
        Instant now = clock.instant();
        issued.values().removeIf(i -> i.expiry().isBefore(now));
        for (Iterator<String> oldest = issued.keySet().iterator(); issued.size() >= MAX_OUTSTANDING;) {
            oldest.next();
            oldest.remove();
        }
        Registration registration = new Registration(token(), token());
        issued.put(registration.state(), new Issued(registration.browser().getBytes(StandardCharsets.UTF_8),
                now.plus(LIFETIME)));
        return registration;
    }

    /**
     * True once for a state issued here to this browser that has not expired; the state cannot be used again
     * (not even by the right browser after a wrong one tried it).
     */
    public synchronized boolean consume(String state, String browser) {
        if (state == null) {
            return false;
        }
        Issued found = issued.remove(state);
        return found != null && !found.expiry().isBefore(clock.instant()) && browser != null
                && MessageDigest.isEqual(found.browser(), browser.getBytes(StandardCharsets.UTF_8));
    }

    synchronized int outstanding() {
        return issued.size();
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
