package dev.bpkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GitHub answers GraphQL with HTTP 200 almost always: the body says what happened, and each case is told apart. */
class GraphQlAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_800_000_000L;

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a query GitHub refused (no data at all)",
                        "{\"errors\":[{\"path\":[\"query\",\"repository\"],\"extensions\":{\"code\":\"undefinedField\","
                                + "\"typeName\":\"Tag\",\"fieldName\":\"signature\"},\"locations\":[{\"line\":1,"
                                + "\"column\":2}],\"message\":\"Field 'signature' doesn't exist on type 'Tag'\"}]}",
                        Map.of(), GitHubFailure.Kind.REJECTED, "Field 'signature' doesn't exist on type 'Tag' (undefinedField)",
                        Duration.ZERO),
                Arguments.of("a page size GitHub refused",
                        "{\"errors\":[{\"type\":\"EXCESSIVE_PAGINATION\",\"message\":\"Requesting 101 records on the"
                                + " `releases` connection exceeds the `first` limit of 100 records.\"}]}",
                        Map.of(), GitHubFailure.Kind.REJECTED, "(EXCESSIVE_PAGINATION)", Duration.ZERO),
                Arguments.of("the primary rate limit, RATE_LIMITED",
                        "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded for installation"
                                + " ID 1.\"}]}",
                        Map.of("x-ratelimit-reset", Long.toString(NOW + 42), "x-ratelimit-resource", "graphql"),
                        GitHubFailure.Kind.RATE_LIMITED, "graphql rate limit exceeded", Duration.ofSeconds(42)),
                Arguments.of("the rate limit as RATE_LIMIT with code graphql_rate_limit",
                        "{\"errors\":[{\"type\":\"RATE_LIMIT\",\"code\":\"graphql_rate_limit\",\"message\":\"API rate"
                                + " limit exceeded\"}]}",
                        Map.of("x-ratelimit-reset", Long.toString(NOW + 7)),
                        GitHubFailure.Kind.RATE_LIMITED, "API rate limit exceeded", Duration.ofSeconds(7)),
                Arguments.of("a rate limit with retry-after",
                        "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"slow down\"}]}",
                        Map.of("retry-after", "3", "x-ratelimit-reset", Long.toString(NOW + 600)),
                        GitHubFailure.Kind.RATE_LIMITED, "slow down", Duration.ofSeconds(3)),
                Arguments.of("a rate limit without headers waits a minute",
                        "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"x\"}]}", Map.of(),
                        GitHubFailure.Kind.RATE_LIMITED, "GraphQL rate limit", Duration.ofSeconds(60)),
                Arguments.of("GitHub failing while it ran the query (data null)",
                        "{\"data\":null,\"errors\":[{\"message\":\"Something went wrong while executing your query."
                                + " This may be the result of a timeout\"}]}",
                        Map.of(), GitHubFailure.Kind.TRANSIENT, "Something went wrong", Duration.ZERO),
                Arguments.of("an empty document", "{}", Map.of(), GitHubFailure.Kind.TRANSIENT,
                        "neither data nor errors", Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureIsToldApart(String name, String body, Map<String, String> headers, GitHubFailure.Kind kind,
                                String message, Duration wait) {
        assertThatThrownBy(() -> GraphQlAnswer.of(json(body), headers::get, NOW, "GraphQL query"))
                .isInstanceOfSatisfying(GitHubFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(kind);
                    assertThat(f.getMessage()).contains(message);
                    assertThat(f.retryAfter()).isEqualTo(wait);
                });
    }

    @Test
    void aRepositoryGitHubCannotFindComesBackAsDataWithItsProblem() {
        GraphQlAnswer answer = GraphQlAnswer.of(json("{\"data\":{\"repository\":null},\"errors\":[{\"type\":"
                + "\"NOT_FOUND\",\"path\":[\"repository\"],\"message\":\"Could not resolve to a Repository with the"
                + " name 'acme/gone'.\"}]}"), h -> null, NOW, "q");

        assertThat(answer.data().path("repository").isNull()).isTrue();
        assertThat(answer.problemAt("repository")).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void partialDataKeepsWhatCameAndNamesWhatFailed() {
        GraphQlAnswer answer = GraphQlAnswer.of(json("{\"data\":{\"repository\":{\"name\":\"widget\",\"f0\":null,"
                + "\"f1\":{\"text\":\"hi\"}}},\"errors\":[{\"path\":[\"repository\",\"f0\"],\"message\":\"Something went"
                + " wrong\"}]}"), h -> null, NOW, "q");

        assertThat(answer.data().path("repository").path("f1").path("text").asText()).isEqualTo("hi");
        assertThat(answer.problemAt("repository", "f0")).hasValueSatisfying(p ->
                assertThat(p.describe()).isEqualTo("GitHub answered Something went wrong (at repository.f0)"));
        assertThat(answer.problemAt("repository", "f1")).isEmpty();
        assertThat(answer.problemAt("repository")).isEmpty();
    }

    @Test
    void anAnswerWithoutErrorsHasNoProblems() {
        assertThat(GraphQlAnswer.of(json("{\"data\":{\"repository\":{}}}"), h -> null, NOW, "q").problems()).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
