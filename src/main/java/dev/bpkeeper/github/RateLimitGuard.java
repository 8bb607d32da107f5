package dev.bpkeeper.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces work per installation by its own rate limit: after each job it remembers what GitHub said was left, and
 * before the next one it says how long to wait when too little is left. An installation of a thousand
 * repositories is then evaluated completely, at the speed its limit allows, instead of failing half-way.
 */
@ApplicationScoped
public class RateLimitGuard {
    /** Requests one evaluation may need (five, and the check run's two, and a margin for retries). */
    public static final int RESERVE = 20;

    @Inject
    Clock clock;

    private final Map<Long, Budget> budgets = new ConcurrentHashMap<>();

    /** What GitHub last said about an installation's limit. */
    public record Budget(int remaining, Instant resetsAt) {
    }

    /** What the latest response of this installation said (x-ratelimit-remaining and -reset). */
    public void record(long installationId, Budget budget) {
        budgets.put(installationId, budget);
    }

    /** How long to wait before the next job of this installation, if its budget is spent until a reset. */
    public Optional<Duration> waitBeforeNextJob(long installationId) {
        Budget budget = budgets.get(installationId);
        Instant now = clock.instant();
        if (budget == null || budget.remaining() >= RESERVE || !budget.resetsAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, budget.resetsAt()).plusSeconds(1));
    }
}
