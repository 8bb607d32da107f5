package dev.bpkeeper.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.badge.BadgeSvg;
import dev.bpkeeper.act.badge.Badges;
import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The read-http function as Lambda runs it: API Gateway HTTP API (payload 2.0) GET events through Quarkus's mock
 * Lambda event server, answered with the same status, headers and bytes as the local pages.
 */
@Tag("lambda")
@QuarkusTest
@TestProfile(LambdaExports.Read.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadLambdaTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    EvaluationStore evaluations;

    @Inject
    ObjectMapper json;

    @Test
    void givenAStoredSilverResult_whenTheBadgeIsAskedThroughApiGateway_thenTheSilverBadgeComesWithItsEtag()
            throws Exception {
        String repo = "acme/lambda-" + UUID.randomUUID().toString().substring(0, 8);
        AssessmentView view = new AssessmentView(repo, "abc", T0.toString(), new AssessmentView.Badge("silver", 250,
                "silver"), new AssessmentView.Badge("baseline-1", 120, "baseline-1"), List.of(), List.of());
        evaluations.save(new StoredEvaluation(repo, 1L, "abc", T0, T0, false, null, view, "", java.util.Optional.empty()));

        JsonNode metal = invoke("/badge/" + repo + ".svg", "", Map.of());
        JsonNode baseline = invoke("/badge/" + repo + ".svg", "level=baseline", Map.of());
        JsonNode again = invoke("/badge/" + repo + ".svg", "", Map.of("if-none-match",
                metal.path("headers").path("ETag").asText()));

        assertThat(metal.path("statusCode").asInt()).isEqualTo(200);
        assertThat(metal.path("body").asText()).isEqualTo(BadgeSvg.render(Badges.of(view, Badges.Series.METAL)));
        assertThat(metal.path("headers").path("Cache-Control").asText()).isEqualTo("no-store");
        assertThat(metal.path("headers").path("Content-Type").asText()).startsWith("image/svg+xml");
        assertThat(baseline.path("body").asText()).contains("openssf baseline v2026.02.19: 1");
        assertThat(again.path("statusCode").asInt()).isEqualTo(304);
        assertThat(again.path("body").asText()).isEmpty();
    }

    @Test
    void givenARepositoryNeverEvaluated_whenItsReportIsAskedThroughApiGateway_thenA404PageComes() throws Exception {
        JsonNode response = invoke("/report/acme/never-" + UUID.randomUUID().toString().substring(0, 8), "", Map.of());

        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(response.path("headers").path("Content-Type").asText()).startsWith("text/html");
        assertThat(response.path("body").asText()).contains("Not evaluated");
    }

    private JsonNode invoke(String path, String query, Map<String, String> headers) throws Exception {
        String event = LambdaEvents.httpApiV2("GET", path, query, headers, new byte[0], false);
        return json.readTree(RestAssured.given().contentType("application/json").body(event)
                .post(LambdaExports.invokeUrl()).then().statusCode(200).extract().asString());
    }
}
