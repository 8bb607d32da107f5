package dev.bpkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitGuardTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private RateLimitGuard guard() {
        RateLimitGuard guard = new RateLimitGuard();
        guard.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return guard;
    }

    @Test
    void anInstallationNeverSeenOrWithBudgetLeftGoesAhead() {
        RateLimitGuard guard = guard();
        guard.record(2, new RateLimitGuard.Budget(RateLimitGuard.RESERVE, NOW.plusSeconds(600)));

        assertThat(guard.waitBeforeNextJob(1)).isEmpty();
        assertThat(guard.waitBeforeNextJob(2)).isEmpty();
    }

    @Test
    void anInstallationBelowTheReserveWaitsUntilJustAfterItsReset() {
        RateLimitGuard guard = guard();
        guard.record(3, new RateLimitGuard.Budget(RateLimitGuard.RESERVE - 1, NOW.plusSeconds(600)));

        assertThat(guard.waitBeforeNextJob(3)).contains(Duration.ofSeconds(601));
    }

    @Test
    void aResetInThePastMeansTheBudgetIsFullAgain() {
        RateLimitGuard guard = guard();
        guard.record(4, new RateLimitGuard.Budget(0, NOW.minusSeconds(1)));

        assertThat(guard.waitBeforeNextJob(4)).isEmpty();
    }
}
