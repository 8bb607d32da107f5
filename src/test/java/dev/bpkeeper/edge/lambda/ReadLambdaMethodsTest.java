package dev.bpkeeper.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read-http function as Lambda runs it: API Gateway HTTP API GET events through the mock Lambda event server. */
@Tag("lambda")
@QuarkusTest
@TestProfile(LambdaExports.Read.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadLambdaMethodsTest {

    @Inject
    ObjectMapper json;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a badge of a repository never evaluated  | GET  | /badge/acme/never-seen.svg | 404 | image/svg+xml | <svg",
        "a report of a repository never evaluated | GET  | /report/acme/never-seen    | 404 | text/html     | Not evaluated",
        "a path that is no page                   | GET  | /badge                     | 404 | text/plain    | Nothing here",
        "a write (the method is API Gateway's)    | POST | /badge/acme/never-seen.svg | 405 | text/plain    | Only GET"})
    void givenARequestFromApiGateway_whenInvoked_thenThePageAnswersAsOnTheLocalServer(String name, String method,
                                                                                     String path, int status,
                                                                                     String type, String content)
            throws Exception {
        String event = LambdaEvents.httpApiV2(method, path, Map.of("accept", "*/*"), new byte[0], false);

        JsonNode response = json.readTree(RestAssured.given().contentType("application/json").body(event)
                .post(LambdaExports.invokeUrl()).then().statusCode(200).extract().asString());

        assertThat(response.path("statusCode").asInt()).isEqualTo(status);
        assertThat(response.path("headers").path("Content-Type").asText()).startsWith(type);
        assertThat(response.path("body").asText()).contains(content);
    }
}
