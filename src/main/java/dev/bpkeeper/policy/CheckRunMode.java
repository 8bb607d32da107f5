package dev.bpkeeper.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the check run does with the result: inform (neutral), block a merge while a MUST is Unmet (gate), block a
 * merge only when the change makes a MUST Unmet (gate-regressions), or stay silent (off).
 */
public enum CheckRunMode {
    /** Always concluded neutral: the result is information, never a failure. */
    NEUTRAL,
    /** Concluded failure while a MUST at or below the target level is Unmet, success otherwise. */
    GATE,
    /**
     * Concluded failure only when the change (a pull request against its base's latest evaluation, a push against
     * the previous latest) makes a MUST at or below the target level newly Unmet; success otherwise, also while
     * older Unmet MUSTs remain.
     */
    GATE_REGRESSIONS,
    /** No check run at all; the repository is still evaluated and the result stored. */
    OFF;

    /** The spelling in the configuration file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CheckRunMode> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }
}
