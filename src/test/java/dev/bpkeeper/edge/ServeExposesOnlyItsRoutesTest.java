package dev.bpkeeper.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LogCapture;
import io.quarkus.funqy.Funq;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.bpkeeper.text.Untrusted;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a neighbour who reaches `serve` can call: the pages, /setup and /webhook, not the functions Lambda runs
 * behind API Gateway and SQS; and whatever a request carries reaches the log as one short line.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServeExposesOnlyItsRoutesTest {
    @jakarta.inject.Inject
    dev.bpkeeper.intake.WebhookReceiver receiver;

    /** An API Gateway-shaped delivery whose id would forge a log line if logged as it is. */
    private static final String FORGED_EVENT = """
            {"headers":{"X-GitHub-Event":"push","X-GitHub-Delivery":"x\\nFORGED LOG LINE",
             "X-Hub-Signature-256":"sha256=00"},"body":"{}","rawPath":"/webhook-event"}""";

    static Stream<Arguments> lambdaOnlyCalls() {
        return Stream.of(
                Arguments.of("POST", "/webhook-event", FORGED_EVENT),
                Arguments.of("GET", "/webhook-event", ""),
                Arguments.of("GET", "/evaluate", ""),
                Arguments.of("POST", "/evaluate", "{\"messageId\":\"m\",\"body\":\"{}\"}"),
                Arguments.of("POST", "/read-http", "{\"headers\":null}"),
                Arguments.of("GET", "/read-http", ""),
                Arguments.of("GET", "/evaluate/", ""),
                Arguments.of("GET", "/evalu%61te", ""),
                Arguments.of("POST", "/webhook-event?x=1", FORGED_EVENT));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lambdaOnlyCalls")
    void givenServe_whenALambdaOnlyFunctionIsCalledOverHttp_thenItIsNotFoundAndNothingIsLogged(String method,
            String path, String body) {
        try (LogCapture logs = LogCapture.start()) {
            Response answer = given().urlEncodingEnabled(false).contentType("application/json").body(body)
                    .request(method, path);

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.asString()).doesNotContain("Exception", "at dev.bpkeeper", "at io.quarkus");
            assertThat(logs.text()).doesNotContain("FORGED");
        }
    }

    @Test
    void everyFunqyFunctionIsOnTheListOfLambdaOnlyRoutes() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.bpkeeper");
        Set<String> functions = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Funq.class))
                .map(m -> m.getAnnotationOfType(Funq.class).value()).collect(Collectors.toSet());

        assertThat(functions).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                dev.bpkeeper.edge.http.LambdaOnlyRoutes.FUNCTIONS);
    }

    @Test
    void givenAForgedDeliveryWhoseIdCarriesAControlCharacterOrIsHuge_whenRefused_thenTheLogShowsItEscapedOnOneLine()
            throws IOException {
        try (LogCapture logs = LogCapture.start()) {
            // Sent as raw bytes: HTTP clients will not put a C1 control into a header. (The HTTP layer itself
            // refuses C0 controls such as ESC with 400; a line break ends the header.)
            assertThat(rawPost("/webhook", "x\u0085FORGED LOG LINE")).startsWith("HTTP/1.1 401");
            assertThat(rawPost("/webhook", "y".repeat(10_000))).startsWith("HTTP/1.1 401");
            // As the Lambda function hands it over: any character at all, of any length.
            receiver.receive(Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "z\nFORGED LOG LINE\u001b[2J",
                    "X-Hub-Signature-256", "sha256=" + "0".repeat(64)), "{}".getBytes(StandardCharsets.UTF_8));
            receiver.receive(Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "w".repeat(1 << 20),
                    "X-Hub-Signature-256", "sha256=" + "0".repeat(64)), "{}".getBytes(StandardCharsets.UTF_8));

            List<String> refused = logs.lines().stream().map(LogCapture.Line::text)
                    .filter(t -> t.contains("invalid signature")).toList();
            assertThat(refused).hasSize(4);
            assertThat(refused.get(0)).contains("x\\u0085FORGED LOG LINE").doesNotContain("\u0085");
            assertThat(refused.get(2)).contains("z\\nFORGED LOG LINE\\u001b[2J").doesNotContain("\n", "\u001b");
            assertThat(List.of(refused.get(1), refused.get(3))).allSatisfy(line -> assertThat(line)
                    .hasSizeLessThan(Untrusted.LOG_LIMIT + 100).contains("more characters"));
        }
    }

    @Test
    void givenASignedPushNamingARepositoryAgainstGitHubsRules_thenItIsRefusedWithTheReasonAndNeitherQueuedNorLogged() {
        try (LogCapture logs = LogCapture.start()) {
            Response answer = dev.bpkeeper.testing.Deliveries.send("push", dev.bpkeeper.testing.Payloads.push(
                    "../../etc/passwd", "main", "a".repeat(40), 4242, java.time.Instant.now()));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("message")).contains("not a GitHub repository name");
            assertThat(answer.jsonPath().getInt("jobs")).isZero();
            assertThat(logs.text()).contains("Refused push delivery").doesNotContain("etc/passwd");
        }
        assertThat(FakeGitHubResource.fake().requests()).noneMatch(r -> r.toString().contains("passwd"));
    }

    /** One POST with a forged signature and the given delivery id, its header bytes exactly as written. */
    private static String rawPost(String path, String deliveryId) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-GitHub-Event: push\r\nX-GitHub-Delivery: " + deliveryId + "\r\n"
                    + "X-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void givenAnyAnswer_thenBrowsersAreToldNotToSniffItsType() {
        Response unknown = given().get("/no-such-page");
        Response webhook = given().contentType("application/json").body("{}").post("/webhook");
        Response form = given().contentType("application/x-www-form-urlencoded").formParam("payload", "{}")
                .post("/webhook");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(webhook.statusCode()).isEqualTo(401);
        assertThat(webhook.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
