package dev.bpkeeper.edge.setup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.edge.config.AppCredentials;
import dev.bpkeeper.edge.config.AppCredentialsFile;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one way to register another App over saved credentials: start with bpkeeper.app-credentials.replace=true.
 * /setup then replaces them once, keeping the old file beside the new one, and closes again.
 */
@QuarkusTest
@TestProfile(SetupReplaceTest.Replacing.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = FakeGitHubResource.REGISTERED, value = "false"))
@WithTestResource(value = SetupFlowTest.CredentialsFile.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SetupReplaceTest {

    public static class Replacing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bpkeeper.app-credentials.replace", "true");
        }
    }

    @Test
    void givenSavedCredentialsAndTheReplaceSetting_whenAnotherAppIsRegistered_thenTheOldFileIsKeptAndSetupCloses()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        Path file = SetupFlowTest.CredentialsFile.file;
        AppCredentialsFile.write(file, new AppCredentials(1, "old key", "old secret"), Instant.now());
        byte[] old = Files.readAllBytes(file);

        SetupFlowTest.Form form = SetupFlowTest.form(given().get("/setup"));
        String code = github.acceptManifest(form.manifest());
        long id = github.lastAppFromManifest().id();
        assertThat(form.callback(code).statusCode()).isEqualTo(200);

        assertThat(AppCredentialsFile.read(file).appId()).isEqualTo(id);
        List<Path> backups;
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            backups = siblings.filter(p -> p.getFileName().toString().matches("github-app\\.json\\..*\\.bak"))
                    .toList();
        }
        assertThat(backups).singleElement().satisfies(backup -> {
            assertThat(Files.readAllBytes(backup)).isEqualTo(old);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        });
        assertThat(given().get("/setup").statusCode()).as("replaced once per start").isEqualTo(409);
        github.assertNoContractViolations();
    }
}
