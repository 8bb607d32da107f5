package dev.bpkeeper.github;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The repository permissions the App asks for, named as GitHub names them, with the level and the reason. The code
 * checks installations against these names, app-manifest.yml requests exactly these (a test keeps them equal, and
 * the README's table too): least privilege means nothing here is unused.
 */
public final class AppPermissions {
    /** Read the tree and files of each evaluated commit; write the one commit and branch of a fix-up PR. */
    public static final String CONTENTS = "contents";
    /** Open, update and close the app's own fix-up pull request. */
    public static final String PULL_REQUESTS = "pull_requests";
    /** Repository facts, branch rules, tags, releases (every App has it). */
    public static final String METADATA = "metadata";
    /** Post the "OpenSSF Best Practices" check run. */
    public static final String CHECKS = "checks";
    /** Read private vulnerability reporting and the default workflow token permissions. */
    public static final String ADMINISTRATION = "administration";

    /** What the manifest requests, in its order. */
    public static final Map<String, String> REQUESTED = requested();

    private AppPermissions() {
    }

    private static Map<String, String> requested() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put(CONTENTS, "write");
        levels.put(PULL_REQUESTS, "write");
        levels.put(METADATA, "read");
        levels.put(CHECKS, "write");
        levels.put(ADMINISTRATION, "read");
        return java.util.Collections.unmodifiableMap(levels);
    }
}
