package dev.bpkeeper.github;

import java.time.Duration;

/**
 * A GitHub call that failed, classified so that the caller knows what to do: retry later (outage, timeout, rate
 * limit), give up (the repository is gone or the app lost access), or report a missing permission.
 */
public class GitHubFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** 5xx, timeouts, resets: try again with back-off. */
        TRANSIENT,
        /** Primary or secondary rate limit: try again after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** 404: the repository or commit does not exist for this installation. */
        NOT_FOUND,
        /** 403 without a rate limit: the app lacks a permission. */
        FORBIDDEN,
        /** 401: the token was refused (expired or revoked). */
        UNAUTHORIZED,
        /** Anything else (422 ...): a request we should not repeat. */
        REJECTED
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public GitHubFailure(Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean isRetryable() {
        return kind == Kind.TRANSIENT || kind == Kind.RATE_LIMITED || kind == Kind.UNAUTHORIZED;
    }

    /**
     * Classifies an HTTP answer from GitHub.
     *
     * @param remaining x-ratelimit-remaining, or null
     * @param reset x-ratelimit-reset (epoch seconds), or null
     * @param retryAfterHeader retry-after (seconds), or null
     */
    public static GitHubFailure of(int status, String remaining, String reset, String retryAfterHeader,
                                   long nowEpochSecond, String what, Throwable cause) {
        if (retryAfterHeader != null && (status == 403 || status == 429)) {
            return new GitHubFailure(Kind.RATE_LIMITED, status, Duration.ofSeconds(parse(retryAfterHeader, 60)),
                    what + ": secondary rate limit", cause);
        }
        if ((status == 403 || status == 429) && "0".equals(remaining)) {
            long wait = Math.max(1, parse(reset, nowEpochSecond + 60) - nowEpochSecond);
            return new GitHubFailure(Kind.RATE_LIMITED, status, Duration.ofSeconds(wait),
                    what + ": rate limit exhausted until reset", cause);
        }
        if (status == 429) {
            return new GitHubFailure(Kind.RATE_LIMITED, status, Duration.ofSeconds(60), what + ": too many requests",
                    cause);
        }
        if (status <= 0) {
            return new GitHubFailure(Kind.TRANSIENT, status, null, what + ": no answer (timed out or connection lost)",
                    cause);
        }
        if (status >= 500) {
            return new GitHubFailure(Kind.TRANSIENT, status, null, what + ": GitHub answered " + status, cause);
        }
        return switch (status) {
            case 401 -> new GitHubFailure(Kind.UNAUTHORIZED, status, null, what + ": token refused", cause);
            case 403 -> new GitHubFailure(Kind.FORBIDDEN, status, null, what + ": not permitted", cause);
            case 404 -> new GitHubFailure(Kind.NOT_FOUND, status, null, what + ": not found", cause);
            default -> new GitHubFailure(Kind.REJECTED, status, null, what + ": GitHub answered " + status, cause);
        };
    }

    /** A network failure (timeout, reset, refused). */
    public static GitHubFailure network(String what, Throwable cause) {
        return new GitHubFailure(Kind.TRANSIENT, 0, null, what + ": no answer, " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
