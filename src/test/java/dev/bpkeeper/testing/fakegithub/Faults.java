package dev.bpkeeper.testing.fakegithub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Misbehaviour for resilience tests, each for the next N requests that match a method and a path regex, e.g.
 * {@code fake.faults().next(3).on("GET", "/repos/[^/]+/[^/]+/git/trees/.+").respond(502)}. The first matching fault that
 * still has uses left applies; others wait their turn.
 */
public final class Faults {
    enum Kind {
        RESPOND, DELAY, RESET, LOSE_ANSWER, ANSWER_LATE
    }

    /** A fault ready to apply to one request. */
    record Fault(Kind kind, int status, Map<String, String> headers, String message, Duration delay, String body) {
        String describe() {
            return switch (kind) {
                case RESPOND -> "respond " + status;
                case DELAY -> "delay " + delay;
                case RESET -> "reset connection";
                case LOSE_ANSWER -> "lose the answer";
                case ANSWER_LATE -> "answer late " + delay;
            };
        }
    }

    private static final class Armed {
        final String method;
        final Pattern path;
        final Fault fault;
        int remaining;

        Armed(String method, Pattern path, Fault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    /** Starts a fault for the next {@code times} matching requests. */
    public Rule next(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return new Rule(times, null, Pattern.compile(".*"));
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Uses left across all armed faults; 0 once every fault has fired. */
    public synchronized int pending() {
        return armed.stream().mapToInt(a -> a.remaining).sum();
    }

    synchronized Optional<Fault> take(String method, String path) {
        for (Armed a : armed) {
            if ((a.method == null || a.method.equalsIgnoreCase(method)) && a.path.matcher(path).matches()) {
                if (--a.remaining == 0) {
                    armed.remove(a);
                }
                return Optional.of(a.fault);
            }
        }
        return Optional.empty();
    }

    private synchronized void arm(Rule rule, Fault fault) {
        armed.add(new Armed(rule.method, rule.path, fault, rule.times));
    }

    /** A fault being described; ends with what happens to the matching requests. */
    public final class Rule {
        private final int times;
        private final String method;
        private final Pattern path;

        private Rule(int times, String method, Pattern path) {
            this.times = times;
            this.method = method;
            this.path = path;
        }

        /** Only requests with this method whose path (without query) matches the regex; by default, every request. */
        public Rule on(String method, String pathRegex) {
            return new Rule(times, method, Pattern.compile(pathRegex));
        }

        /** Answer with this status and GitHub's error body ("Server Error" and the like). */
        public void respond(int status) {
            respond(status, Map.of());
        }

        /** Answer with this status, GitHub's error body, and these headers over the usual ones. */
        public void respond(int status, Map<String, String> headers) {
            arm(this, new Fault(Kind.RESPOND, status, Map.copyOf(headers), messageFor(status), null, null));
        }

        /** GitHub's primary rate limit: 403, remaining 0, reset a minute from now. */
        public void primaryRateLimit() {
            primaryRateLimit(Instant.now().plusSeconds(60));
        }

        /** GitHub's primary rate limit: 403, remaining 0, {@code x-ratelimit-reset} at this moment. */
        public void primaryRateLimit(Instant resetAt) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-ratelimit-remaining", "0");
            headers.put("x-ratelimit-used", "5000");
            headers.put("x-ratelimit-reset", Long.toString(resetAt.getEpochSecond()));
            arm(this, new Fault(Kind.RESPOND, 403, headers, "API rate limit exceeded for installation.", null, null));
        }

        /** GitHub's secondary rate limit: 403 (or 429) with {@code retry-after: 1}. */
        public void secondaryRateLimit(int status) {
            arm(this, new Fault(Kind.RESPOND, status, Map.of("retry-after", "1"),
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                    null, null));
        }

        /**
         * GraphQL's way of failing: HTTP 200 with this body (GitHub's refusal of a query, its rate limit, a NOT_FOUND
         * or an error beside partial data), with these headers over the usual ones.
         */
        public void answerGraphQl(String body, Map<String, String> headers) {
            arm(this, new Fault(Kind.RESPOND, 200, Map.copyOf(headers), null, null, body));
        }

        /**
         * GitHub's GraphQL rate limit, as a body {@code {"errors":[...]}} with the x-ratelimit headers of the
         * GraphQL resource, remaining 0 until {@code resetAt}.
         */
        public void graphQlRateLimit(String body, Instant resetAt) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-ratelimit-remaining", "0");
            headers.put("x-ratelimit-resource", "graphql");
            headers.put("x-ratelimit-reset", Long.toString(resetAt.getEpochSecond()));
            answerGraphQl(body, headers);
        }

        /** Do what was asked at once, then hold the answer this long (a write that happened, answered too late). */
        public void answerLate(Duration delay) {
            arm(this, new Fault(Kind.ANSWER_LATE, 0, Map.of(), null, delay, null));
        }

        /** Hold the request this long, then answer normally (for client timeouts). */
        public void delay(Duration delay) {
            arm(this, new Fault(Kind.DELAY, 0, Map.of(), null, delay, null));
        }

        /** Close the connection without an answer; the request has no effect. */
        public void resetConnection() {
            arm(this, new Fault(Kind.RESET, 0, Map.of(), null, null, null));
        }

        /**
         * Do what was asked (a check run is created, a branch is made), then close the connection before answering:
         * the caller cannot tell this from {@link #resetConnection()}, and a blind resend repeats the write.
         */
        public void loseAnswer() {
            arm(this, new Fault(Kind.LOSE_ANSWER, 0, Map.of(), null, null, null));
        }
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 500 -> "Server Error";
            case 502 -> "Server Error";
            case 503 -> "Service Unavailable";
            case 504 -> "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.";
            case 429 -> "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
            case 403 -> "Forbidden";
            case 401 -> "Bad credentials";
            case 404 -> "Not Found";
            default -> "Error " + status;
        };
    }
}
