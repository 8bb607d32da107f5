package dev.bpkeeper.edge.setup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.edge.config.AppCredentials;
import dev.bpkeeper.edge.config.AppCredentialsFile;
import dev.bpkeeper.github.AppPermissions;
import dev.bpkeeper.github.PrivateKeys;
import dev.bpkeeper.intake.EventRouter;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.ManifestRoutes;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /setup registers the App through GitHub's manifest flow, against the fake GitHub, and saves it for `serve`. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = FakeGitHubResource.REGISTERED, value = "false"))
@WithTestResource(value = SetupFlowTest.CredentialsFile.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SetupFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where /setup writes, in a folder of its own (never the developer's ~/.bpkeeper). */
    public static class CredentialsFile implements QuarkusTestResourceLifecycleManager {
        static Path file;

        @Override
        public Map<String, String> start() {
            try {
                file = Files.createTempDirectory("bpkeeper-setup").resolve("home/.bpkeeper/github-app.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("bpkeeper.app-credentials.file", file.toString());
        }

        @Override
        public void stop() {
        }
    }

    @BeforeEach
    void noCredentialsYet() throws IOException {
        Files.deleteIfExists(CredentialsFile.file);
    }

    @Test
    void givenTheSetupPage_whenOpened_thenItPostsTheManifestWithTheCodesPermissionsEventsAndThisAppsUrls()
            throws Exception {
        Form form = form(given().get("/setup"));

        assertThat(form.action()).startsWith(FakeGitHubResource.fake().baseUrl() + "/settings/apps/new?state=");
        JsonNode manifest = JSON.readTree(form.manifest());
        Map<String, String> permissions = new LinkedHashMap<>();
        manifest.path("default_permissions").properties().forEach(f -> permissions.put(f.getKey(),
                f.getValue().asText()));
        assertThat(permissions).containsExactlyInAnyOrderEntriesOf(AppPermissions.REQUESTED);
        assertThat(JSON.convertValue(manifest.path("default_events"), String[].class))
                .containsExactlyInAnyOrderElementsOf(EventRouter.SUBSCRIBED_EVENTS);
        assertThat(manifest.path("hook_attributes").path("url").asText()).matches("http://localhost:\\d+/webhook");
        assertThat(manifest.path("redirect_url").asText()).matches("http://localhost:\\d+/setup/callback");
    }

    @Test
    void givenAnOrganisation_whenTheSetupPageIsOpened_thenTheAppIsRegisteredUnderIt() {
        assertThat(form(given().queryParam("org", "acme-corp").get("/setup")).action())
                .startsWith(FakeGitHubResource.fake().baseUrl() + "/organizations/acme-corp/settings/apps/new?state=");
        assertThat(given().queryParam("org", "../admin").get("/setup").statusCode()).isEqualTo(400);
    }

    @Test
    void givenGitHubsRedirect_whenTheCallbackRuns_thenTheAppsCredentialsAreSavedOwnerOnlyAndNoSecretIsShown()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        Form form = form(given().get("/setup"));
        String code = github.acceptManifest(form.manifest());
        ManifestRoutes.Created created = github.lastAppFromManifest();

        Response page = form.callback(code);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains("id <strong>" + created.id() + "</strong>")
                .doesNotContain(CredentialsFile.file.getParent().toString()).doesNotContain("/tmp")
                .contains("aws secretsmanager create-secret").contains("GitHubAppSecretArn")
                .doesNotContain("PRIVATE KEY").doesNotContain(created.webhookSecret());
        AppCredentials saved = AppCredentialsFile.read(CredentialsFile.file);
        assertThat(saved.appId()).isEqualTo(created.id());
        assertThat(saved.webhookSecret()).isEqualTo(created.webhookSecret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(CredentialsFile.file)))
                .isEqualTo("rw-------");
        // The saved key is the private half of the key GitHub knows for the new App.
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(PrivateKeys.fromPem(saved.privateKey()));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(created.publicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
        github.assertNoContractViolations();
    }

    @Test
    void givenAStateThatWasUsedOrNeverIssued_whenTheCallbackRuns_thenNothingIsExchangedOrSaved() {
        FakeGitHub github = FakeGitHubResource.fake();
        Form form = form(given().get("/setup"));
        String code = github.acceptManifest(form.manifest());
        long conversions = github.count("POST", "/app-manifests/.*");

        assertThat(given().queryParam("code", code).queryParam("state", "forged").get("/setup/callback")
                .statusCode()).isEqualTo(400);
        assertThat(given().queryParam("code", code).get("/setup/callback").statusCode()).isEqualTo(400);
        assertThat(github.count("POST", "/app-manifests/.*")).isEqualTo(conversions);
        assertThat(CredentialsFile.file).doesNotExist();

        assertThat(form.callback(code).statusCode()).isEqualTo(200);
        assertThat(form.callback(code).statusCode()).as("closed once an App is saved").isEqualTo(409);
    }

    @Test
    void givenSavedCredentials_whenANeighbourReplaysTheTakeover_thenSetupIsClosedAndTheFileIsUntouched()
            throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        Form neighbours = form(given().get("/setup"));
        String neighboursCode = github.acceptManifest(neighbours.manifest());
        Form owners = form(given().get("/setup"));
        owners.callback(github.acceptManifest(owners.manifest())).then().statusCode(200);
        byte[] saved = Files.readAllBytes(CredentialsFile.file);
        long conversions = github.count("POST", "/app-manifests/.*");

        Response replayed = neighbours.callback(neighboursCode);
        Response reopened = given().get("/setup");

        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(reopened.statusCode()).isEqualTo(409);
        assertThat(reopened.asString()).contains("BPKEEPER_APP_CREDENTIALS_REPLACE").doesNotContain("<form");
        assertThat(Files.readAllBytes(CredentialsFile.file)).isEqualTo(saved);
        assertThat(github.count("POST", "/app-manifests/.*")).as("no code exchanged").isEqualTo(conversions);
        github.assertNoContractViolations();
    }

    @Test
    void givenAStateIssuedToAnotherBrowser_whenTheCallbackCarriesIt_thenNothingIsExchangedOrSaved() {
        FakeGitHub github = FakeGitHubResource.fake();
        Form owners = form(given().get("/setup"));
        Form neighbours = form(given().get("/setup"));
        String neighboursCode = github.acceptManifest(neighbours.manifest());
        long conversions = github.count("POST", "/app-manifests/.*");

        Response noCookie = given().queryParam("state", owners.state()).queryParam("code", neighboursCode)
                .get("/setup/callback");
        Response otherCookie = new Form(owners.action(), owners.manifest(), neighbours.browser())
                .callback(neighboursCode);

        assertThat(noCookie.statusCode()).isEqualTo(400);
        assertThat(otherCookie.statusCode()).isEqualTo(400);
        assertThat(github.count("POST", "/app-manifests/.*")).isEqualTo(conversions);
        assertThat(CredentialsFile.file).doesNotExist();
    }

    @Test
    void givenAHostHeaderChosenByTheCaller_whenSetupIsOpened_thenItsUrlsAreThisServersOwn() throws Exception {
        Form form = form(given().header("Host", "evil.example").get("/setup"));

        JsonNode manifest = JSON.readTree(form.manifest());
        assertThat(manifest.path("hook_attributes").path("url").asText()).matches("http://localhost:\\d+/webhook");
        assertThat(manifest.path("redirect_url").asText()).matches("http://localhost:\\d+/setup/callback");
        assertThat(form.manifest()).doesNotContain("evil.example");
    }

    @Test
    void givenTheSetupPage_thenItCannotBeFramedSniffedOrScriptedAndItsCookieStaysOnThisSite() {
        Response page = given().get("/setup");

        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("default-src 'none'").contains("form-action " + FakeGitHubResource.fake().baseUrl());
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Set-Cookie")).startsWith(SetupRoute.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/setup");
    }

    @Test
    void givenACodeGitHubNoLongerHonours_whenTheCallbackRuns_thenTheFailureIsExplainedAndNothingSaved() {
        FakeGitHub github = FakeGitHubResource.fake();
        Form first = form(given().get("/setup"));
        String code = github.acceptManifest(first.manifest());
        first.callback(code).then()
                .statusCode(200);
        CredentialsFile.file.toFile().delete();
        Form second = form(given().get("/setup"));

        Response page = second.callback(code);

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.asString()).contains("used already or expired");
        assertThat(CredentialsFile.file).doesNotExist();
        assertThat(form(given().get("/setup")).callback(null).statusCode()).as("no code at all").isEqualTo(400);
        github.assertNoContractViolations();
    }

    /** The registration form a browser got, with the cookie it got beside it. */
    record Form(String action, String manifest, String browser) {
        String state() {
            return URLDecoder.decode(action.substring(action.indexOf("state=") + 6), StandardCharsets.UTF_8);
        }

        /** GitHub's redirect back, followed by the same browser. */
        Response callback(String code) {
            io.restassured.specification.RequestSpecification request = given().cookie(SetupRoute.COOKIE, browser)
                    .queryParam("state", state());
            return (code == null ? request : request.queryParam("code", code)).get("/setup/callback");
        }
    }

    static Form form(Response page) {
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        Matcher action = Pattern.compile("<form action=\"([^\"]+)\" method=\"post\">").matcher(html);
        Matcher manifest = Pattern.compile("name=\"manifest\" value=\"([^\"]*)\"").matcher(html);
        assertThat(action.find()).as("a form in %s", html).isTrue();
        assertThat(manifest.find()).isTrue();
        return new Form(unescape(action.group(1)), unescape(manifest.group(1)), page.cookie(SetupRoute.COOKIE));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
