package dev.bpkeeper.edge.setup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LogCapture;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.ManifestRoutes;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * /setup handles the most secret values the app ever sees (the new App's private key and webhook secret, and the
 * one-time code that buys them): none of them may reach a log line, on success or on failure. Logs are captured at
 * every level of the app's, hub4j's, OkHttp's and the HTTP layer's loggers.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = FakeGitHubResource.REGISTERED, value = "false"))
@WithTestResource(value = SetupFlowTest.CredentialsFile.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SetupSecretsStayOutOfLogsTest {

    @Test
    void givenARegistrationAndAReplayedCodeThenNeitherTheKeyNorTheSecretNorTheCodeIsLogged() throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        Files.deleteIfExists(SetupFlowTest.CredentialsFile.file);
        String text;
        String code;
        ManifestRoutes.Created created;
        try (LogCapture logs = LogCapture.start("dev.bpkeeper", "org.kohsuke", "okhttp3", "io.quarkus.vertx.http")) {
            SetupFlowTest.Form first = SetupFlowTest.form(given().get("/setup"));
            code = github.acceptManifest(first.manifest());
            created = github.lastAppFromManifest();
            first.callback(code).then()
                    .statusCode(200);
            Files.deleteIfExists(SetupFlowTest.CredentialsFile.file);
            SetupFlowTest.Form second = SetupFlowTest.form(given().get("/setup"));
            second.callback(code).then()
                    .statusCode(502);
            text = logs.text();
        }

        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(created.webhookSecret());
        secrets.add(code);
        created.pem().lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
        assertThat(secrets).hasSizeGreaterThan(10);
        for (String secret : secrets) {
            assertThat(text).as("a secret (%s…) in the logs", secret.substring(0, 4)).doesNotContain(secret);
        }
        assertThat(text).doesNotContain("PRIVATE KEY");
        github.assertNoContractViolations();
    }
}
