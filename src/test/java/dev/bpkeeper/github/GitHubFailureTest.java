package dev.bpkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How GitHub's answers are classified: retry soon, retry after a time GitHub names, or stop. */
class GitHubFailureTest {
    static final long NOW = 1_700_000_000L;

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("502 Bad Gateway", 502, null, null, null, GitHubFailure.Kind.TRANSIENT, 0L, true),
                Arguments.of("no answer at all", 0, null, null, null, GitHubFailure.Kind.TRANSIENT, 0L, true),
                Arguments.of("primary rate limit, reset in 90 s", 403, "0", Long.toString(NOW + 90), null,
                        GitHubFailure.Kind.RATE_LIMITED, 90L, true),
                Arguments.of("primary rate limit as 429", 429, "0", Long.toString(NOW + 5), null,
                        GitHubFailure.Kind.RATE_LIMITED, 5L, true),
                Arguments.of("secondary rate limit with retry-after", 403, "4000", null, "30",
                        GitHubFailure.Kind.RATE_LIMITED, 30L, true),
                Arguments.of("429 without headers", 429, null, null, null, GitHubFailure.Kind.RATE_LIMITED, 60L, true),
                Arguments.of("expired token", 401, null, null, null, GitHubFailure.Kind.UNAUTHORIZED, 0L, true),
                Arguments.of("missing permission", 403, "4000", null, null, GitHubFailure.Kind.FORBIDDEN, 0L, false),
                Arguments.of("gone", 404, null, null, null, GitHubFailure.Kind.NOT_FOUND, 0L, false),
                Arguments.of("invalid request", 422, null, null, null, GitHubFailure.Kind.REJECTED, 0L, false));
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("answers")
    void classifiesGitHubsAnswers(String scenario, int status, String remaining, String reset, String retryAfter,
                                  GitHubFailure.Kind kind, long waitSeconds, boolean retryable) {
        GitHubFailure failure = GitHubFailure.of(status, remaining, reset, retryAfter, NOW, "GET /x", null);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(waitSeconds));
        assertThat(failure.isRetryable()).isEqualTo(retryable);
        assertThat(failure.getMessage()).startsWith("GET /x");
    }
}
