package dev.bpkeeper.github;

import java.time.Instant;
import java.util.Map;
import org.kohsuke.github.GitHub;

/**
 * Access to GitHub as one installation.
 *
 * @param permissions what the installation token may do ("contents" → "read" ...), to tell "not allowed to look"
 *        from "not there"
 */
public record InstallationClient(long installationId, GitHub gitHub, String token, Instant expiresAt,
                                 Map<String, String> permissions) {

    public boolean canRead(String permission) {
        String level = permissions.get(permission);
        return "read".equals(level) || "write".equals(level) || "admin".equals(level);
    }

    public boolean canWrite(String permission) {
        String level = permissions.get(permission);
        return "write".equals(level) || "admin".equals(level);
    }

    @Override
    public String toString() {
        // The token is a secret and must not reach logs through a record's default toString.
        return "InstallationClient[installation=" + installationId + ", expiresAt=" + expiresAt + "]";
    }
}
