package dev.bpkeeper.act.store;

/**
 * A project's latest result changed in this process (stored, retired or deleted): whatever is kept in memory of it
 * is stale. Fired synchronously by {@link EvaluationStore} after the write.
 *
 * @param project "owner/name" or "owner/name/services/api", in any case
 */
public record LatestChanged(String project) {
}
