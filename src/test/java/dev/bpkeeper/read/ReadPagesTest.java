package dev.bpkeeper.read;

import static dev.bpkeeper.read.StoredResults.stored;
import static dev.bpkeeper.read.StoredResults.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.badge.BadgeSvg;
import dev.bpkeeper.act.badge.Badges;
import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.InstallationStore;
import dev.bpkeeper.edge.functions.HttpRequestEvent;
import dev.bpkeeper.edge.functions.HttpResponseEvent;
import dev.bpkeeper.edge.functions.ReadFunction;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Pages;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The badge, report and organisation pages over real HTTP, with results stored in DynamoDB Local. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = dev.bpkeeper.testing.FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadPagesTest {
    private static AssessmentView project;

    @Inject
    EvaluationStore evaluations;

    @Inject
    InstallationStore installations;

    @Inject
    ReadHandler handler;

    @Inject
    ReadFunction function;

    @Inject
    Assessor assessor;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void evaluateOnce() {
        if (project == null) {
            project = StoredResults.smallProject(assessor);
        }
    }

    private String save(String repository, boolean privateRepository, AssessmentView view) {
        evaluations.save(stored(repository, 1L, privateRepository, view));
        return repository;
    }

    @Test
    void givenAPassingRepository_whenItsBadgeIsAsked_thenTheOfficialPassingBadgeComesWithAStrongEtagAndNoStore() {
        String repo = save(unique("acme/passing"), false, StoredResults.withBadge(project, "passing", 100));

        Response response = Pages.get(Pages.badge(repo));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("image/svg+xml");
        assertThat(response.asString()).isEqualTo(BadgeSvg.render(Badges.of(
                StoredResults.withBadge(project, "passing", 100), Badges.Series.METAL)));
        assertThat(response.header("ETag")).matches("\"[0-9a-f]{32}-badge_svg-r1\"");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @ParameterizedTest(name = "If-None-Match: {0}")
    @ValueSource(strings = {"%s", "W/%s", "\"other\", %s", "*"})
    void givenTheCurrentEtag_whenAskedAgain_thenTheAnswerIs304WithoutABody(String ifNoneMatch) {
        String repo = save(unique("acme/cached"), false, project);
        String etag = Pages.get(Pages.badge(repo)).header("ETag");

        Response again = Pages.get(Pages.badge(repo), Map.of("If-None-Match", ifNoneMatch.formatted(etag)));

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void givenANewEvaluation_whenTheCacheHasExpired_thenTheBadgeAndItsEtagChange() {
        String repo = save(unique("acme/moving"), false, StoredResults.withBadge(project, "in_progress", 40));
        Response before = Pages.get(Pages.badge(repo));

        evaluations.save(new dev.bpkeeper.act.store.StoredEvaluation(repo, 1L, "ffff", StoredResults.T0.plusSeconds(60),
                StoredResults.T0.plusSeconds(61), false, null, StoredResults.withBadge(project, "silver", 250), "",
                java.util.Optional.empty()));
        handler.forget();
        Response after = Pages.get(Pages.badge(repo), Map.of("If-None-Match", before.header("ETag")));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.asString()).contains(">silver</text>").doesNotContain("in progress");
    }

    @Test
    void givenACachedBadge_whenThisProcessStoresANewEvaluation_thenTheNextRequestShowsItWithoutWaitingForTheTtl() {
        String repo = save(unique("acme/fresh"), false, StoredResults.withBadge(project, "in_progress", 40));
        ReadRequest badge = Pages.request(Pages.badge(repo));
        assertThat(Pages.get(Pages.badge(repo)).asString()).contains("in progress 40%");
        assertThat(handler.fromMemory(badge)).as("answered from memory now").isPresent();

        evaluations.save(new dev.bpkeeper.act.store.StoredEvaluation(repo, 1L, "ffff", StoredResults.T0.plusSeconds(60),
                StoredResults.T0.plusSeconds(61), false, null, StoredResults.withBadge(project, "silver", 250), "",
                java.util.Optional.empty()));

        assertThat(handler.fromMemory(badge)).as("the old result is dropped at once").isEmpty();
        assertThat(Pages.get(Pages.badge(repo)).asString()).contains(">silver</text>");
    }

    @Test
    void givenACachedOrgPage_whenThisProcessStoresAResultOfTheOwner_thenThePageListsItAtOnce() {
        String account = unique("fresh-org");
        long installation = StoredResults.uniqueInstallation();
        installations.recordSeen(installation, account);
        evaluations.save(stored(account + "/first", installation, false, project));
        assertThat(Pages.get(Pages.org(account)).asString()).contains(account + "/first");
        assertThat(handler.fromMemory(Pages.request(Pages.org(account)))).isPresent();

        evaluations.save(stored(account + "/second", installation, false, project));

        assertThat(handler.fromMemory(Pages.request(Pages.org(account)))).isEmpty();
        assertThat(Pages.get(Pages.org(account)).asString()).contains(account + "/second");
    }

    @Test
    void givenAConfiguredBadgeId_whenTheReportIsAsked_thenItsEditLinksOpenThatProjectsForm() throws Exception {
        String repo = unique("acme/linked");
        evaluations.save(new dev.bpkeeper.act.store.StoredEvaluation(repo, 1L, "abc", StoredResults.T0,
                StoredResults.T0, false, null, project, "", java.util.Optional.of(1234L)));

        String html = Pages.get(Pages.report(repo)).asString();
        JsonNode body = json.readTree(Pages.get(Pages.reportJson(repo)).asString());

        assertThat(html).contains("href=\"https://www.bestpractices.dev/en/projects/1234/passing/edit?")
                .contains("https://www.bestpractices.dev/en/projects/1234/baseline-1/edit?")
                .doesNotContain("as=edit&amp;url=");
        assertThat(body.path("edit_urls").path("silver").asText())
                .startsWith("https://www.bestpractices.dev/en/projects/1234/silver/edit?");
    }

    @Test
    void givenARepositoryNeverEvaluated_whenItsBadgeIsAsked_thenA404CarriesTheGreyNotEvaluatedBadge() {
        Response response = Pages.get(Pages.badge("nobody/" + unique("nothing")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("image/svg+xml");
        assertThat(response.asString()).isEqualTo(BadgeSvg.render(Badges.notEvaluated(Badges.Series.METAL)));
        assertThat(response.header("ETag")).isNull();
    }

    @Test
    void givenAPrivateRepository_whenAnyPageIsAsked_thenTheAnswerIsExactlyTheNeverEvaluatedOne() {
        String secret = save("acme/" + unique("secret"), true, project);
        String never = "acme/" + unique("never");

        for (String page : List.of("/badge/%s.svg", "/badge/%s.json", "/report/%s", "/report/%s.json")) {
            Response hidden = Pages.get(page.formatted(secret));
            Response absent = Pages.get(page.formatted(never));
            assertThat(hidden.statusCode()).as(page).isEqualTo(404);
            assertThat(hidden.asString().replace(secret, "X")).as(page)
                    .isEqualTo(absent.asString().replace(never, "X"));
        }
    }

    @Test
    void givenAnOwnerWhoOptedIn_whenItsPrivateRepositoryIsAsked_thenItIsServed() {
        // application.properties (test profile): bpkeeper.read.show-private-owners=Opted-In-Org
        String repo = save("opted-in-org/" + unique("private"), true, project);

        assertThat(Pages.get(Pages.badge(repo)).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dot-dot (normalised away) | /badge/../etc.svg                 | 404",
        "encoded dot-dot           | /badge/%2e%2e/%2e%2e.svg          | 404",
        "encoded slash in the name | /report/acme/a%2Fb                | 400",
        "markup in the name        | /report/acme/%3Cscript%3E         | 400",
        "dot as repository         | /report/acme/.                    | 400",
        "owner starting with -     | /badge/-acme/widget.svg           | 400",
        "owner of 40 characters    | /org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | 400",
        "repository of 101 chars   | /report/acme/rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr | 400",
        "a deeper path             | /badge/acme/widget/extra.svg      | 404",
        "unknown page              | /report                           | 404",
        "unknown level             | /badge/acme/widget.svg?level=gold%3Cx | 400"})
    void givenAHostilePath_whenAsked_thenItIsRefusedClearlyWithoutEchoingIt(String name, String path, int status) {
        Response response = Pages.get(path);

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.contentType()).startsWith("text/plain");
        }
        assertThat(response.asString()).doesNotContain("<script").doesNotContain("etc").doesNotContain("%2");
    }

    @Test
    void givenAMonorepoSubProject_whenItsPagesAreAskedWithPath_thenItsOwnResultIsServedAndLinked() {
        String repo = unique("acme/mono");
        save(repo + "/services/api", false, StoredResults.withBadge(project, "passing", 100));

        Response badge = Pages.get(Pages.badge(repo + "/services/api"));
        String page = Pages.get(Pages.report(repo) + "?path=services/api/").asString();

        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.asString()).contains(">passing</text>");
        assertThat(Pages.get(Pages.badge(repo)).statusCode()).as("the root was not evaluated").isEqualTo(404);
        assertThat(page).contains("/badge/" + repo + ".svg?path=services/api)](http://localhost:8080/report/" + repo
                + "?path=services/api)").contains("src=\"/badge/" + repo + ".svg?path=services/api&amp;level=baseline\"");
        assertThat(Pages.get(Pages.badge(repo) + "?path=../x").statusCode())
                .isEqualTo(400);
    }

    @Test
    void givenAStoredResult_whenTheShieldsEndpointIsAsked_thenItFollowsTheSchemaWithAShortMaxAge() throws Exception {
        String repo = save(unique("acme/shields"), false, StoredResults.withBadge(project, "in_progress", 57));

        Response response = Pages.get(Pages.badgeJson(repo));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.asString())).isEqualTo(json.readTree(
                "{\"schemaVersion\":1,\"label\":\"openssf best practices\",\"message\":\"in progress 57%\","
                        + "\"color\":\"ca8e10\",\"cacheSeconds\":300}"));
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void givenAStoredResult_whenTheBaselineBadgeIsAsked_thenItShowsTheBaselineSeries() {
        String repo = save(unique("acme/baseline"), false, project);

        Response response = Pages.get(Pages.baselineBadge(repo));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("openssf baseline v2026.02.19");
        assertThat(response.header("ETag")).endsWith("-badge_svg-baseline-r1\"");
    }

    @Test
    void givenAStoredResult_whenTheReportJsonIsAsked_thenItHasEveryCriterionAndABestPracticesJsonBlock()
            throws Exception {
        String repo = save(unique("acme/report"), false, project);

        Response response = Pages.get(Pages.reportJson(repo));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.asString());
        assertThat(body.path("repository").asText()).isEqualTo(repo);
        assertThat(body.path("criteria")).hasSize(project.criteria().size());
        assertThat(body.path("levels")).hasSize(6);
        assertThat(body.path("bestpractices_json").path("license_location_status").asText()).isEqualTo("Met");
        assertThat(body.path("edit_urls").path("passing").asText())
                .startsWith("https://www.bestpractices.dev/en/projects?as=edit&url=https%3A%2F%2Fgithub.com%2F");
        assertThat(body.path("check_run_url").asText()).isEqualTo("https://github.com/" + repo + "/runs/1");
    }

    @Test
    void givenHostileStoredText_whenTheReportIsShown_thenItIsEscapedAndScriptLinksAreDropped() {
        AssessmentView hostile = StoredResults.withAnswer(project, "license_location", "Met",
                "<script>alert('x')</script> & \"quotes\"",
                List.of(new AssessmentView.EvidenceView("<img src=x onerror=alert(1)>", "javascript:alert(1)", "p")));
        String repo = save(unique("acme/hostile"), false, hostile);

        String html = Pages.get(Pages.report(repo)).asString();

        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(");
    }

    @Test
    void givenStoredResults_whenTheReportPageIsAsked_thenEveryLevelAndCriterionIsThereWithTheSnippet() {
        String repo = save(unique("acme/page"), false, project);

        Response response = Pages.get(Pages.report(repo));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        String html = response.asString();
        assertThat(html).contains("data-id=\"license_location\" data-status=\"Met\"")
                .contains("data-id=\"OSPS-VM-02.01\"")
                .contains("[![OpenSSF Best Practices](http://localhost:8080/badge/" + repo + ".svg)]")
                .contains("as=edit&amp;url=https%3A%2F%2Fgithub.com%2F");
        long rows = html.lines().filter(l -> l.contains("<tr class=\"criterion\"")).count();
        long expected = project.criteria().stream().mapToLong(c -> c.levels().size()).sum();
        assertThat(rows).as("one row per criterion and level").isEqualTo(expected);
    }

    @Test
    void givenAnInstallation_whenItsOrgPageIsAsked_thenItsPublicRepositoriesAreListedByLevel() {
        String account = unique("org");
        long installation = StoredResults.uniqueInstallation();
        installations.recordSeen(installation, account);
        evaluations.save(stored(account + "/low", installation, false, StoredResults.withBadge(project, "in_progress",
                30)));
        evaluations.save(stored(account + "/high", installation, false, StoredResults.withBadge(project, "silver",
                240)));
        evaluations.save(stored(account + "/hidden", installation, true, project));

        String byLevel = Pages.get(Pages.org(account.toUpperCase())).asString();
        String byName = Pages.get(Pages.org(account) + "?sort=name").asString();

        assertThat(byLevel).contains(account + "/high").contains(account + "/low").doesNotContain("/hidden");
        assertThat(byLevel.indexOf(account + "/high")).isLessThan(byLevel.indexOf(account + "/low"));
        assertThat(byName.indexOf(account + "/high")).isLessThan(byName.indexOf(account + "/low"));
        assertThat(byName.indexOf("data-repository=\"" + account + "/high"))
                .isLessThan(byName.indexOf("data-repository=\"" + account + "/low"));
        assertThat(Pages.get(Pages.org(unique("not-installed"))).statusCode()).isEqualTo(404);
    }

    @Test
    void givenEachKindOfPage_whenRendered_thenAllShareOneHeadAndEachHasItsOwnTitle() {
        String account = unique("heads");
        long installation = StoredResults.uniqueInstallation();
        installations.recordSeen(installation, account);
        evaluations.save(stored(account + "/widget", installation, false, project));
        Map<String, String> titles = Map.of(
                "/report/" + account + "/widget", account + "/widget: OpenSSF Best Practices",
                "/org/" + account, account + ": OpenSSF Best Practices",
                "/report/" + account + "/never-evaluated", "Not evaluated",
                "/org/" + unique("not-installed"), "Not installed");

        java.util.Set<String> heads = new java.util.HashSet<>();
        titles.forEach((path, title) -> {
            String html = Pages.get(path).asString();
            assertThat(html).as(path).startsWith("<!DOCTYPE html>").contains("<title>" + title + "</title>")
                    .contains("<style>").contains("<h1").endsWith("</html>\n");
            heads.add(html.substring(0, html.indexOf("<title>")) + html.substring(html.indexOf("</title>"),
                    html.indexOf("<body>")));
        });

        assertThat(heads).as("one head for every page").hasSize(1);
    }

    @Test
    void givenAnInstallationBeingEvaluated_whenItsOrgPageIsAsked_thenItSaysHowFarItHasGot() {
        String account = unique("burst");
        long installation = StoredResults.uniqueInstallation();
        installations.startBurst(installation, account, 3, "delivery-1");
        installations.countEvaluated(installation, "delivery-1", false);
        evaluations.save(stored(account + "/first", installation, false, project));

        String page = Pages.get(Pages.org(account)).asString();

        assertThat(page).contains("1 of 3 repositories evaluated so far").contains(account + "/first");
    }

    @Test
    void givenOtherMethods_whenUsed_thenHeadHasNoBodyPostIsRefusedAndPreflightIsAllowed() {
        String repo = save(unique("acme/methods"), false, project);

        Response head = given().head(Pages.badge(repo));
        Response post = given().post(Pages.badge(repo));
        Response options = given().options(Pages.badgeJson(repo));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.asByteArray()).isEmpty();
        assertThat(head.header("ETag")).isNotNull();
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
    }

    @Test
    void givenAnApiGatewayEvent_whenTheReadFunctionAnswers_thenItIsTheSameAnswerAsTheLocalRoute() {
        String repo = save(unique("acme/lambda"), false, project);
        HttpRequestEvent event = new HttpRequestEvent();
        event.setRawPath("/badge/" + repo + ".svg");
        event.setRawQueryString("level=baseline");
        event.setHeaders(Map.of("accept", "image/svg+xml"));

        HttpResponseEvent answer = function.read(event);
        Response local = Pages.get(Pages.baselineBadge(repo));

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(local.asString());
        assertThat(answer.getHeaders()).containsEntry("ETag", local.header("ETag"))
                .containsEntry("Cache-Control", "no-store");
    }
}
