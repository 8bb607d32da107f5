package dev.bpkeeper.testing.fakegithub;

import java.util.List;
import java.util.Map;

/** GitHub App permission levels: read < write < admin; "metadata: read" is always granted. */
final class Permissions {
    private static final List<String> LEVELS = List.of("read", "write", "admin");

    private Permissions() {
    }

    static boolean allows(Map<String, String> granted, String permission, String level) {
        if (permission.equals("metadata") && level.equals("read")) {
            return true;
        }
        String has = granted.get(permission);
        return has != null && LEVELS.indexOf(has) >= LEVELS.indexOf(level);
    }
}
