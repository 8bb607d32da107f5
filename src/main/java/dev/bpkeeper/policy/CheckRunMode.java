package dev.bpkeeper.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the check run does with the result: inform (neutral), block a merge (gate), or stay silent (off). */
public enum CheckRunMode {
    /** Always concluded neutral: the result is information, never a failure. */
    NEUTRAL,
    /** Concluded failure while a MUST at or below the target level is Unmet, success otherwise. */
    GATE,
    /** No check run at all; the repository is still evaluated and the result stored. */
    OFF;

    /** The spelling in the configuration file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CheckRunMode> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }
}
