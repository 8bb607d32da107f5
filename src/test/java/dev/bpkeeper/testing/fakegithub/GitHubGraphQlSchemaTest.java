package dev.bpkeeper.testing.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake refuses what GitHub refuses, in GitHub's words, before running anything: a field, argument or type
 * GitHub's published schema does not have, a connection without a page size or with more than 100, a query that
 * could reach more than 500,000 nodes, a syntax error.
 */
class GitHubGraphQlSchemaTest {
    private static final String REPO = "repository(owner: \"acme\", name: \"widget\")";

    static Stream<Arguments> refusedQueries() {
        return Stream.of(
                Arguments.of("the tag signature that version 0.1 asked for (Tag has no signature field)",
                        "query { " + REPO + " { refs(refPrefix: \"refs/tags/\", first: 100) { nodes { name target"
                                + " { __typename oid ... on Tag { target { oid } signature { isValid } } } } } } }",
                        "undefinedField", "Field 'signature' doesn't exist on type 'Tag'"),
                Arguments.of("a field no type has",
                        "query { " + REPO + " { starCountt } }",
                        "undefinedField", "Field 'starCountt' doesn't exist on type 'Repository'"),
                Arguments.of("an argument the field does not take",
                        "query { " + REPO + " { releases(first: 5, newestFirst: true) { nodes { name } } } }",
                        "argumentNotAccepted", "newestFirst"),
                Arguments.of("a fragment on a type GitHub does not have",
                        "query { " + REPO + " { object(expression: \"HEAD\") { ... on Signature { isValid } } } }",
                        "undefinedType", "No such type Signature"),
                Arguments.of("an enum value GitHub does not have",
                        "query { " + REPO + " { releases(first: 5, orderBy: {field: PUBLISHED_AT, direction: DESC})"
                                + " { nodes { name } } } }",
                        "argumentLiteralsIncompatible", "PUBLISHED_AT"),
                Arguments.of("a connection without first or last",
                        "query { " + REPO + " { releases { nodes { name } } } }",
                        null, "You must provide a `first` or `last` value to properly paginate the `releases` connection."),
                Arguments.of("a page of more than 100",
                        "query { " + REPO + " { releases(first: 101) { nodes { name } } } }",
                        null, "Requesting 101 records on the `releases` connection exceeds the `first` limit of 100"
                                + " records."),
                Arguments.of("more than 500,000 possible nodes",
                        "query { " + REPO + " { refs(refPrefix: \"refs/heads/\", first: 100) { nodes {"
                                + " associatedPullRequests(first: 100) { nodes { commits(first: 100) { nodes {"
                                + " commit { oid } } } } } } } } }",
                        null, "it is requesting up to 1,010,100 possible nodes which exceeds the maximum limit of"
                                + " 500,000"),
                Arguments.of("a syntax error",
                        "query { " + REPO + " { name }",
                        null, "Parse error on"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedQueries")
    void githubRefusesTheQueryBeforeRunningIt(String name, String query, String code, String message) {
        JsonNode answer = Json.parse(GraphQlContract.refusalDocument(query));

        assertThat(answer.has("data")).as("GitHub runs nothing: no data at all").isFalse();
        JsonNode first = answer.path("errors").get(0);
        assertThat(first.path("message").asText()).contains(message);
        if (code != null) {
            assertThat(first.path("extensions").path("code").asText()).isEqualTo(code);
            assertThat(first.path("locations")).isNotEmpty();
        }
    }

    @Test
    void githubsOwnSchemaErrorMessageForAnUndefinedFieldNamesTheTypeAndTheField() {
        JsonNode error = Json.parse(GraphQlContract.refusalDocument("query { " + REPO + " { refs(refPrefix: \"refs/tags/\","
                + " first: 1) { nodes { target { ... on Tag { signature { isValid } } } } } } }")).path("errors").get(0);

        assertThat(error.path("extensions").path("typeName").asText()).isEqualTo("Tag");
        assertThat(error.path("extensions").path("fieldName").asText()).isEqualTo("signature");
    }

    @Test
    void aQueryWithinEveryRuleIsRun() {
        assertThat(GraphQlContract.refusals("query { " + REPO + " { name releases(last: 100) { nodes { tagName"
                + " releaseAssets(first: 100) { nodes { name } } } } } }")).isEmpty();
    }

    @Test
    void theNodeLimitCountsEachConnectionTimesThePagesAroundIt() {
        // 100 refs + 100 x 100 pull requests + 100 x 100 x 50 commits = 510,100
        String justOver = "query { " + REPO + " { refs(refPrefix: \"refs/heads/\", first: 100) { nodes {"
                + " associatedPullRequests(first: 100) { nodes { commits(first: 50) { nodes { commit { oid } } } } } } } } }";
        // 100 + 10,000 + 490,000 = 500,100: still over; 48 gives 100 + 10,000 + 480,000 = 490,100
        String justUnder = justOver.replace("commits(first: 50)", "commits(first: 48)");

        assertThat(GraphQlContract.refusals(justOver)).singleElement().asString().contains("510,100");
        assertThat(GraphQlContract.refusals(justUnder)).isEmpty();
    }

    @Test
    void theSchemaIsGitHubsPublishedOneWithTheFieldsTheAppReadsAndWithoutThoseItDoesNot() {
        var schema = GraphQlSchema.get().schema();
        assertThat(schema.getObjectType("Tag").getFieldDefinition("signature")).isNull();
        assertThat(schema.getObjectType("Commit").getFieldDefinition("signature")).isNotNull();
        assertThat(schema.getObjectType("Ref").getFieldDefinition("rules")).isNotNull();
        assertThat(schema.getObjectType("Ref").getFieldDefinition("refUpdateRule")).isNotNull();
        assertThat(schema.getObjectType("Repository").getFieldDefinitions()).hasSizeGreaterThan(100);
    }
}
