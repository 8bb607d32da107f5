package dev.bpkeeper.intake;

import java.time.Instant;

/**
 * One unit of work derived from a webhook delivery, small enough to travel through a queue as JSON.
 *
 * @param repository "owner/name"
 * @param commitSha the commit to evaluate; null means "the head of the default branch"
 * @param commitTime when that commit was made, to keep the newest result; null when unknown
 * @param pullRequest the pull request whose head is evaluated, 0 for pushes
 * @param newRepository for renames and transfers, the new "owner/name"
 * @param attempt how many times the job was tried already
 */
public record Job(
        Kind kind,
        long installationId,
        String repository,
        String commitSha,
        Instant commitTime,
        String trigger,
        int pullRequest,
        String newRepository,
        String deliveryId,
        int attempt) {

    /** What to do. */
    public enum Kind {
        EVALUATE,
        DELETE_REPOSITORY,
        DELETE_INSTALLATION,
        RENAME_REPOSITORY,
        /** A maintainer pressed the check run's button: evaluate the default branch and open the fix-up PR. */
        OPEN_FIXUP,
        /** The app's fix-up pull request was closed: remember whether it was merged or declined. */
        FIXUP_CLOSED,
        /**
         * Evaluate every repository of the installation, listing them through the API first: for deliveries that
         * name none (installation unsuspend). The listing becomes one evaluation per repository, followed as a burst.
         */
        EVALUATE_INSTALLATION
    }

    public static Job evaluate(long installationId, String repository, String sha, Instant commitTime,
                               String trigger, int pullRequest, String deliveryId) {
        return new Job(Kind.EVALUATE, installationId, repository, sha, commitTime, trigger, pullRequest, null,
                deliveryId, 0);
    }

    /**
     * One of the evaluations of every repository an installation covers (installed, permissions accepted,
     * unsuspended, repositories added), whose progress is followed per installation.
     */
    public boolean inInstallationBurst() {
        return kind == Kind.EVALUATE && trigger != null && BURST_TRIGGERS.contains(trigger);
    }

    /** The triggers {@link EventRouter} gives the evaluations of a whole installation. */
    static final java.util.Set<String> BURST_TRIGGERS = java.util.Set.of("installation created",
            "installation new_permissions_accepted", "installation unsuspend", "repositories added");

    public Job nextAttempt() {
        return withAttempt(attempt + 1);
    }

    /** The same job as its n-th retry (0: first try). */
    public Job withAttempt(int tried) {
        return new Job(kind, installationId, repository, commitSha, commitTime, trigger, pullRequest, newRepository,
                deliveryId, tried);
    }

    /** For logs: never contains a secret. */
    public String describe() {
        String what = repository == null ? "installation " + installationId : repository;
        return kind + " " + what + (commitSha == null ? "" : "@" + commitSha.substring(0, Math.min(7,
                commitSha.length()))) + " (" + trigger + ", delivery " + deliveryId + ")";
    }
}
