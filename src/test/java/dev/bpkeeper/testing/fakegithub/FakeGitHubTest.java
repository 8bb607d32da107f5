package dev.bpkeeper.testing.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHApp;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRelease;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHRepositoryRule;
import org.kohsuke.github.GHTag;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/** The fake GitHub, driven through hub4j (as the app drives GitHub) and through raw HTTP where hub4j cannot reach. */
class FakeGitHubTest {
    private static final long APP_ID = 424242;
    private static final long INSTALLATION = 7;
    private static final long OTHER_INSTALLATION = 8;
    private static KeyPair appKeys;
    private static KeyPair strangerKeys;

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeGitHub fake;
    private FakeRepository widget;
    private String head;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        appKeys = generator.generateKeyPair();
        strangerKeys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() {
        fake = FakeGitHub.start();
        fake.app(APP_ID, appKeys.getPublic());
        fake.installation(INSTALLATION, "acme", Map.of("checks", "write", "contents", "write", "pull_requests",
                "write", "metadata", "read", "administration", "read"), "acme/widget", "acme/.github");
        fake.installation(OTHER_INSTALLATION, "other", Map.of("contents", "read", "metadata", "read"), "other/thing");
        widget = fake.repository("acme/widget").description("Widgets for everyone").homepage("https://widget.example")
                .license("MIT").languages(Map.of("Java", 9000L, "Shell", 12L)).hasDiscussions(true);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Widget\n\nBuild with `mvn verify`.\n");
        files.put("LICENSE", "MIT License\n\nCopyright (c) 2024 Acme\n");
        files.put("CONTRIBUTING.md", "Send pull requests.\n");
        files.put("pom.xml", "<project/>\n");
        files.put("src/main/java/acme/Widget.java", "package acme;\nclass Widget {}\n");
        files.put(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        head = widget.commit("main", files, "Initial commit");
        fake.repository("acme/.github").commit("main", Map.of("SECURITY.md", "Mail security@acme.example\n",
                "profile/README.md", "# Acme\n"), "Org defaults");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // ---- the app's own flow, through hub4j ----

    @Test
    void an_app_runs_from_jwt_to_a_completed_check_run_with_sixty_annotations_within_the_contract() throws Exception {
        GHAppInstallation installation = appClient(jwt(appKeys.getPrivate(), APP_ID)).getApp()
                .getInstallationById(INSTALLATION);
        assertThat(installation.getAccount().getLogin()).isEqualTo("acme");
        String token = installation.createToken().create().getToken();
        assertThat(token).startsWith("ghs_");

        GHRepository repo = installationClient(token).getRepository("acme/widget");
        assertThat(repo.getFullName()).isEqualTo("acme/widget");
        assertThat(repo.getDefaultBranch()).isEqualTo("main");
        assertThat(repo.getDescription()).isEqualTo("Widgets for everyone");
        assertThat(repo.getLanguage()).isEqualTo("Java");
        assertThat(repo.getLicense().getKey()).isEqualTo("mit");

        GHTree tree = repo.getTreeRecursive(head, 1);
        assertThat(tree.isTruncated()).isFalse();
        assertThat(tree.getTree()).extracting(GHTreeEntry::getPath).containsExactly(".github",
                ".github/workflows", ".github/workflows/ci.yml", "CONTRIBUTING.md", "LICENSE", "README.md",
                "pom.xml", "src", "src/main", "src/main/java", "src/main/java/acme",
                "src/main/java/acme/Widget.java");
        GHTreeEntry readme = tree.getEntry("README.md");
        assertThat(readme.getType()).isEqualTo("blob");
        assertThat(readme.getSize()).isEqualTo(35);
        assertThat(readme.getSha()).isEqualTo(gitBlobSha("# Widget\n\nBuild with `mvn verify`.\n"));

        GHCheckRun started = repo.createCheckRun("OpenSSF Best Practices", head)
                .withStatus(GHCheckRun.Status.IN_PROGRESS).withExternalID("eval-1").create();
        assertThat(started.getStatus()).isEqualTo(GHCheckRun.Status.IN_PROGRESS);
        GHCheckRunBuilder.Output output = new GHCheckRunBuilder.Output("12 of 14 criteria met", "Two to go")
                .withText("Details");
        for (int i = 1; i <= 60; i++) {
            output.add(new GHCheckRunBuilder.Annotation("README.md", 1, GHCheckRun.AnnotationLevel.NOTICE,
                    "finding " + i));
        }
        GHCheckRun done = repo.updateCheckRun(started.getId()).withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(GHCheckRun.Conclusion.NEUTRAL).add(output).create();
        assertThat(done.getConclusion()).isEqualTo(GHCheckRun.Conclusion.NEUTRAL);

        List<JsonNode> patches = widget.checkRunUpdates(started.getId());
        assertThat(patches).hasSize(2);
        assertThat(patches.get(0).path("output").path("annotations")).hasSize(50);
        assertThat(patches.get(1).path("output").path("annotations")).hasSize(10);
        CheckRun stored = widget.checkRuns().get(0);
        assertThat(stored.annotations()).hasSize(60);
        assertThat(stored.status()).isEqualTo("completed");
        assertThat(stored.title()).isEqualTo("12 of 14 criteria met");
        assertThat(stored.externalId()).isEqualTo("eval-1");

        List<GHCheckRun> listed = repo.getCheckRuns(head, Map.of("check_name", "OpenSSF Best Practices")).toList();
        assertThat(listed).singleElement().satisfies(run -> {
            assertThat(run.getId()).isEqualTo(started.getId());
            assertThat(run.getConclusion()).isEqualTo(GHCheckRun.Conclusion.NEUTRAL);
            assertThat(run.getOutput().getAnnotationsCount()).isEqualTo(60);
        });
        assertThat(repo.getCheckRuns(head, Map.of("check_name", "something else")).toList()).isEmpty();

        fake.assertNoContractViolations();
    }

    @Test
    // GHRelease.assets() and GHContent.getContent() are the calls other clients of the library make: the fake must
    // answer them too, deprecated or not.
    @SuppressWarnings("deprecation")
    void branch_rules_releases_tags_and_contents_come_back_through_hub4j() throws Exception {
        widget.branchRules("main", List.of(
                Map.of("type", "pull_request", "parameters", Map.of("required_approving_review_count", 1)),
                Map.of("type", "deletion"), Map.of("type", "non_fast_forward")));
        widget.release("v1.0.0", "First", "Notes", "widget-1.0.0.jar", "widget-1.0.0.jar.sig");
        widget.tag("v1.0.0", head, true, true);
        widget.tag("v0.9.0", head, false, false);
        GHRepository repo = installationClient(token(INSTALLATION)).getRepository("acme/widget");

        List<GHRepositoryRule> rules = repo.listRulesForBranch("main").toList();
        assertThat(rules).extracting(GHRepositoryRule::getType).containsExactly(GHRepositoryRule.Type.PULL_REQUEST,
                GHRepositoryRule.Type.DELETION, GHRepositoryRule.Type.NON_FAST_FORWARD);
        assertThat(rules.get(0).getParameter(GHRepositoryRule.Parameters.REQUIRED_APPROVING_REVIEW_COUNT))
                .contains(1);

        List<GHRelease> releases = repo.listReleases().toList();
        assertThat(releases).singleElement().satisfies(release -> {
            assertThat(release.getTagName()).isEqualTo("v1.0.0");
            assertThat(release.getBody()).isEqualTo("Notes");
            assertThat(release.assets()).extracting("name").containsExactly("widget-1.0.0.jar",
                    "widget-1.0.0.jar.sig");
        });
        assertThat(repo.listTags().toList()).extracting(GHTag::getName).containsExactly("v1.0.0", "v0.9.0");
        assertThat(repo.listTags().toList()).allSatisfy(tag -> assertThat(tag.getCommit().getSHA1()).isEqualTo(head));

        GHContent readme = repo.getReadme();
        assertThat(readme.getPath()).isEqualTo("README.md");
        assertThat(readme.getContent()).startsWith("# Widget");
        assertThat(repo.getFileContent("src/main/java/acme/Widget.java").getContent()).contains("class Widget");
        assertThat(repo.getDirectoryContent("src/main/java/acme")).extracting(GHContent::getName)
                .containsExactly("Widget.java");
        assertThat(repo.getDirectoryContent("")).extracting(GHContent::getName).contains("README.md", "src");
        assertThat(repo.getLicenseContent().getContent()).startsWith("MIT License");
        assertThat(repo.getBranch("main").getSHA1()).isEqualTo(head);

        fake.assertNoContractViolations();
    }

    @Test
    void a_fix_up_pull_request_is_built_with_the_git_data_api() throws Exception {
        GHRepository repo = installationClient(token(INSTALLATION)).getRepository("acme/widget");
        GHTree tree = repo.createTree().baseTree(repo.getTreeRecursive(head, 1).getSha())
                .add("SECURITY.md", "Report privately.\n", false).delete("CONTRIBUTING.md").create();
        GHCommit commit = repo.createCommit().message("Add a security policy").tree(tree.getSha()).parent(head)
                .create();
        GHRef ref = repo.createRef("refs/heads/bp-keeper/security-policy", commit.getSHA1());
        GHPullRequest pr = repo.createPullRequest("Add a security policy", "bp-keeper/security-policy", "main",
                "Adds SECURITY.md");
        pr.comment("Opened by the Best Practices Keeper");

        assertThat(widget.fileAt("bp-keeper/security-policy", "SECURITY.md")).contains("Report privately.\n");
        assertThat(widget.fileAt("bp-keeper/security-policy", "CONTRIBUTING.md")).isEmpty();
        assertThat(widget.fileAt("bp-keeper/security-policy", "README.md")).contains(
                "# Widget\n\nBuild with `mvn verify`.\n");
        assertThat(widget.branch("bp-keeper/security-policy")).contains(commit.getSHA1());
        assertThat(widget.pullRequests()).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo(pr.getNumber());
            assertThat(p.head()).isEqualTo("bp-keeper/security-policy");
            assertThat(p.base()).isEqualTo("main");
            assertThat(p.headSha()).isEqualTo(commit.getSHA1());
            assertThat(p.comments()).containsExactly("Opened by the Best Practices Keeper");
        });
        assertThat(repo.getPullRequests(GHIssueState.OPEN)).extracting(GHPullRequest::getTitle)
                .containsExactly("Add a security policy");
        assertThatThrownBy(() -> repo.createPullRequest("Again", "bp-keeper/security-policy", "main", ""))
                .isInstanceOf(HttpException.class).hasMessageContaining("A pull request already exists");

        // Rewrite the branch from scratch (force) and close the pull request.
        String rewritten = widget.commit("scratch", Map.of("SECURITY.md", "v2\n"), "unrelated");
        ref.updateTo(rewritten, true);
        assertThat(widget.branch("bp-keeper/security-policy")).contains(rewritten);
        assertThatThrownBy(() -> ref.updateTo(head, false)).isInstanceOf(HttpException.class)
                .hasMessageContaining("Update is not a fast forward");
        pr.close();
        assertThat(widget.pullRequests().get(0).state()).isEqualTo("closed");
        ref.delete();
        assertThat(widget.branch("bp-keeper/security-policy")).isEmpty();

        fake.assertNoContractViolations();
    }

    @Test
    void the_graphql_query_returns_files_tags_and_the_org_defaults() throws Exception {
        widget.tag("v1.0.0", head, true, true);
        widget.tag("v0.1.0", head, false, false);
        String gone = widget.commitBytes("main", Map.of("README.md", "# Widget\n".getBytes(),
                "logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}), "Add a logo");
        String query = "query { repository(owner: \"acme\", name: \"widget\") {\n"
                + "  f0: object(expression: \"" + gone + ":README.md\") { ... on Blob { text isBinary byteSize } }\n"
                + "  f1: object(expression: \"" + gone + ":logo.png\") { ... on Blob { text isBinary byteSize } }\n"
                + "  f2: object(expression: \"" + gone + ":missing.txt\") { ... on Blob { text isBinary byteSize } }\n"
                + "  tags: refs(refPrefix: \"refs/tags/\", first: 100) { nodes { name target { __typename oid "
                + "... on Tag { target { oid } } } } }\n"
                + "}\n"
                + "org: repository(owner: \"acme\", name: \".github\") { object(expression: \"HEAD:\") "
                + "{ ... on Tree { entries { name path } } } } }";
        HttpResponse<String> response = post("/graphql", "token " + token(INSTALLATION),
                Json.write(Json.object().put("query", query)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = Json.parse(response.body()).path("data");
        JsonNode repository = data.path("repository");
        assertThat(repository.path("f0").path("text").asText()).isEqualTo("# Widget\n");
        assertThat(repository.path("f0").path("isBinary").asBoolean()).isFalse();
        assertThat(repository.path("f0").path("byteSize").asInt()).isEqualTo(9);
        assertThat(repository.path("f1").path("text").isNull()).isTrue();
        assertThat(repository.path("f1").path("isBinary").asBoolean()).isTrue();
        assertThat(repository.path("f2").isNull()).isTrue();
        JsonNode tags = repository.path("tags").path("nodes");
        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).path("name").asText()).isEqualTo("v0.1.0");
        assertThat(tags.get(0).path("target").path("__typename").asText()).isEqualTo("Commit");
        assertThat(tags.get(1).path("target").path("__typename").asText()).isEqualTo("Tag");
        assertThat(tags.get(1).path("target").path("target").path("oid").asText()).isEqualTo(head);
        assertThat(data.path("org").path("object").path("entries")).extracting(e -> e.path("path").asText())
                .containsExactly("SECURITY.md", "profile");
        fake.assertNoContractViolations();
    }

    @Test
    void graphql_answers_null_for_a_repository_the_token_cannot_see() throws Exception {
        String query = "query { repository(owner: \"other\", name: \"thing\") { f0: object(expression: \"HEAD:a\") "
                + "{ ... on Blob { text } } } }";
        JsonNode body = Json.parse(post("/graphql", "token " + token(INSTALLATION), Json.write(Json.object().put("query", query)))
                .body());
        assertThat(body.path("data").path("repository").isNull()).isTrue();
        assertThat(body.path("errors").get(0).path("type").asText()).isEqualTo("NOT_FOUND");

        String withVariables = "query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) "
                + "{ readme: object(expression: \"HEAD:README.md\") { ... on Blob { byteSize } } } }";
        JsonNode answered = Json.parse(post("/graphql", "token " + token(INSTALLATION), Json.write(Json.object()
                .put("query", withVariables).set("variables", Json.object().put("owner", "acme")
                        .put("name", "widget")))).body());
        assertThat(answered.path("data").path("repository").path("readme").path("byteSize").asInt()).isEqualTo(35);
        assertThat(answered.has("errors")).isFalse();
    }

    @Test
    void a_graphql_field_the_fake_does_not_serve_is_a_violation_that_names_it() throws Exception {
        HttpResponse<String> response = post("/graphql", "token " + token(INSTALLATION),
                "{\"query\":\"query { viewer { login } }\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.contractViolations()).anySatisfy(v -> assertThat(v).contains("graphql", "does not serve Query.viewer"));
        assertThat(post("/graphql", "token " + token(INSTALLATION), "{\"variables\":{}}").statusCode())
                .isEqualTo(400);
    }

    // ---- authentication ----

    @Test
    void a_jwt_signed_with_another_key_is_refused_with_401() throws Exception {
        GitHub forged = appClient(jwt(strangerKeys.getPrivate(), APP_ID));
        assertThatThrownBy(forged::getApp).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.getResponseCode()).isEqualTo(401));
        assertThat(fake.requests()).last().satisfies(r -> assertThat(r.status()).isEqualTo(401));
        fake.assertNoContractViolations();
    }

    @Test
    void a_jwt_valid_for_more_than_ten_minutes_or_already_expired_is_refused() throws Exception {
        Instant now = Instant.now();
        String tooLong = Jwts.builder().issuer(Long.toString(APP_ID)).issuedAt(Date.from(now.minusSeconds(60)))
                .expiration(Date.from(now.plusSeconds(600))).signWith(appKeys.getPrivate(), Jwts.SIG.RS256).compact();
        String expired = Jwts.builder().issuer(Long.toString(APP_ID)).issuedAt(Date.from(now.minusSeconds(700)))
                .expiration(Date.from(now.minusSeconds(100))).signWith(appKeys.getPrivate(), Jwts.SIG.RS256).compact();
        String wrongIssuer = jwt(appKeys.getPrivate(), APP_ID + 1);

        assertThat(get("/app", "Bearer " + tooLong).body()).contains("too far in the future");
        assertThat(get("/app", "Bearer " + expired).statusCode()).isEqualTo(401);
        assertThat(get("/app", "Bearer " + wrongIssuer).statusCode()).isEqualTo(401);
        assertThat(get("/app", "Bearer " + jwt(appKeys.getPrivate(), APP_ID)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_for_another_installation_gets_404_for_the_repository() throws Exception {
        GitHub other = installationClient(token(OTHER_INSTALLATION));
        assertThatThrownBy(() -> other.getRepository("acme/widget")).isInstanceOf(GHFileNotFoundException.class);
        assertThat(fake.requests()).last().satisfies(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.installationId()).isEqualTo(OTHER_INSTALLATION);
        });
        fake.assertNoContractViolations();
    }

    @Test
    void an_expired_or_unknown_token_is_refused_with_401() throws Exception {
        String token = token(INSTALLATION);
        assertThat(get("/repos/acme/widget", "token " + token).statusCode()).isEqualTo(200);
        fake.expireTokens();
        assertThat(get("/repos/acme/widget", "token " + token).statusCode()).isEqualTo(401);
        String fresh = token(INSTALLATION);
        assertThat(get("/repos/acme/widget", "Bearer " + fresh).statusCode()).isEqualTo(200);
        assertThat(get("/repos/acme/widget", "Bearer ghs_not_a_token").body()).contains("Bad credentials");
        assertThat(get("/repos/acme/widget", null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_app_finds_a_repository_installation_and_can_narrow_a_token_to_one_repository() throws Exception {
        GitHub app = appClient(jwt(appKeys.getPrivate(), APP_ID));
        assertThat(app.getApp().getInstallationByRepository("acme", "widget").getId()).isEqualTo(INSTALLATION);
        assertThatThrownBy(() -> app.getApp().getInstallationByRepository("acme", "nowhere"))
                .isInstanceOf(GHFileNotFoundException.class);

        HttpResponse<String> narrowed = post("/app/installations/" + INSTALLATION + "/access_tokens",
                "Bearer " + jwt(appKeys.getPrivate(), APP_ID), "{\"repositories\":[\"widget\"]}");
        assertThat(narrowed.statusCode()).isEqualTo(201);
        JsonNode token = Json.parse(narrowed.body());
        assertThat(token.path("repositories")).extracting(r -> r.path("full_name").asText())
                .containsExactly("acme/widget");
        assertThat(get("/repos/acme/widget", "token " + token.path("token").asText()).statusCode()).isEqualTo(200);
        assertThat(get("/repos/acme/.github", "token " + token.path("token").asText()).statusCode()).isEqualTo(404);
        assertThat(post("/app/installations/" + INSTALLATION + "/access_tokens",
                "Bearer " + jwt(appKeys.getPrivate(), APP_ID), "{\"repositories\":[\"thing\"]}").statusCode())
                .isEqualTo(422);
        assertThat(get("/repos/acme/widget", "token " + fake.tokenFor(INSTALLATION)).statusCode()).isEqualTo(200);
        fake.assertNoContractViolations();
    }

    @Test
    void writes_need_the_matching_permission_and_an_unarchived_repository() throws Exception {
        String sha = fake.repository("other/thing").commit("main", Map.of("a", "b"), "init");
        String body = "{\"name\":\"bp\",\"head_sha\":\"" + sha + "\"}";
        HttpResponse<String> forbidden = post("/repos/other/thing/check-runs", "token " + token(OTHER_INSTALLATION),
                body);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Resource not accessible by integration");

        widget.archived(true);
        HttpResponse<String> archived = post("/repos/acme/widget/check-runs", "token " + token(INSTALLATION),
                "{\"name\":\"bp\",\"head_sha\":\"" + head + "\"}");
        assertThat(archived.statusCode()).isEqualTo(403);
        assertThat(archived.body()).contains("archived");
        assertThat(widget.checkRuns()).isEmpty();
        fake.assertNoContractViolations();
    }

    @Test
    void workflow_permissions_need_the_administration_permission() throws Exception {
        fake.repository("other/thing").commit("main", Map.of("a", "b"), "init");
        assertThat(get("/repos/other/thing/actions/permissions/workflow", "token " + token(OTHER_INSTALLATION))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> allowed = get("/repos/acme/widget/actions/permissions/workflow",
                "token " + token(INSTALLATION));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(Json.parse(allowed.body()).path("default_workflow_permissions").asText()).isEqualTo("read");
        fake.assertNoContractViolations();
    }

    // ---- repository metadata over raw HTTP (the app's own raw calls) ----

    @Test
    void settings_endpoints_reflect_what_the_test_arranged() throws Exception {
        String auth = "token " + token(INSTALLATION);
        assertThat(get("/repos/acme/widget/branches/main/protection", auth).body()).contains("Branch not protected");
        widget.protectBranch("main", "{\"required_pull_request_reviews\":{\"required_approving_review_count\":2}}")
                .privateVulnerabilityReporting(true);
        JsonNode protection = Json.parse(get("/repos/acme/widget/branches/main/protection", auth).body());
        assertThat(protection.path("required_pull_request_reviews").path("required_approving_review_count").asInt())
                .isEqualTo(2);
        assertThat(Json.parse(get("/repos/acme/widget/private-vulnerability-reporting", auth).body())
                .path("enabled").asBoolean()).isTrue();
        assertThat(Json.parse(get("/repos/acme/widget/branches/main", auth).body()).path("protected").asBoolean())
                .isTrue();
        JsonNode profile = Json.parse(get("/repos/acme/widget/community/profile", auth).body());
        assertThat(profile.path("files").path("contributing").isObject()).isTrue();
        assertThat(profile.path("files").path("code_of_conduct").isNull()).isTrue();
        assertThat(profile.path("files").path("license").path("spdx_id").asText()).isEqualTo("MIT");

        widget.license(null);
        assertThat(get("/repos/acme/widget/license", auth).statusCode()).isEqualTo(404);
        String second = widget.commit("main", Map.of("README.md", "# Widget 2\n"), "Rewrite");
        JsonNode compare = Json.parse(get("/repos/acme/widget/compare/" + head + "..." + second, auth).body());
        assertThat(compare.path("status").asText()).isEqualTo("ahead");
        assertThat(compare.path("ahead_by").asInt()).isEqualTo(1);
        assertThat(compare.path("files")).extracting(f -> f.path("filename").asText() + ":" + f.path("status").asText())
                .contains("README.md:modified", "LICENSE:removed");
        assertThat(get("/repos/acme/widget/rulesets", auth).body()).isEqualTo("[]");
        assertThat(Json.parse(get("/rate_limit", auth).body()).path("resources").path("core").path("limit").asInt())
                .isEqualTo(5000);
        fake.assertNoContractViolations();
    }

    @Test
    void a_tree_above_the_limit_is_truncated_and_flagged() throws Exception {
        widget.truncateTreesAbove(3);
        GHTree tree = installationClient(token(INSTALLATION)).getRepository("acme/widget").getTreeRecursive(head, 1);
        assertThat(tree.isTruncated()).isTrue();
        assertThat(tree.getTree()).hasSize(3);
        fake.assertNoContractViolations();
    }

    // ---- HTTP behaviour ----

    @Test
    void a_repeated_get_with_the_etag_is_answered_304_and_not_billed() throws Exception {
        String auth = "token " + token(INSTALLATION);
        fake.clearLog();
        HttpResponse<String> first = get("/repos/acme/widget", auth);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> second = send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/repos/acme/widget"))
                .header("Authorization", auth).header("If-None-Match", etag).build());

        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(fake.requests()).extracting(RecordedRequest::notModified).containsExactly(false, true);
        assertThat(fake.billedRequests()).isEqualTo(1);
        assertThat(second.headers().firstValue("x-ratelimit-remaining"))
                .isEqualTo(first.headers().firstValue("x-ratelimit-remaining"));
    }

    @Test
    void rate_limit_headers_count_down_per_installation_and_skip_app_calls() throws Exception {
        String token = token(INSTALLATION);
        String other = token(OTHER_INSTALLATION);
        fake.clearLog();
        HttpResponse<String> first = get("/repos/acme/widget", "token " + token);
        HttpResponse<String> second = get("/repos/acme/widget/tags", "token " + token);
        HttpResponse<String> elsewhere = get("/installation/repositories", "token " + other);
        HttpResponse<String> asApp = get("/app", "Bearer " + jwt(appKeys.getPrivate(), APP_ID));

        assertThat(remaining(first)).isEqualTo(remaining(second) + 1);
        assertThat(remaining(elsewhere)).isEqualTo(4999);
        assertThat(asApp.headers().firstValue("x-ratelimit-resource")).contains("core");
        assertThat(first.headers().firstValue("x-ratelimit-limit")).contains("5000");
        assertThat(Long.parseLong(first.headers().firstValue("x-ratelimit-reset").orElseThrow()))
                .isGreaterThan(Instant.now().getEpochSecond());
        assertThat(fake.billedRequests()).isEqualTo(3);
        assertThat(fake.count("GET", "/repos/acme/widget.*")).isEqualTo(2);

        fake.rateLimitRemaining(INSTALLATION, 0);
        HttpResponse<String> exhausted = get("/repos/acme/widget", "token " + token);
        assertThat(exhausted.statusCode()).isEqualTo(403);
        assertThat(exhausted.body()).contains("API rate limit exceeded");
        assertThat(remaining(exhausted)).isZero();
    }

    @Test
    void a_rate_limit_window_refuses_beyond_its_allowance_until_its_reset_then_starts_afresh() throws Exception {
        String token = token(INSTALLATION);
        // Resets fall on whole epoch seconds, so a one-second window may end a millisecond after it starts.
        fake.rateLimitWindow(INSTALLATION, 2, java.time.Duration.ofSeconds(3));

        HttpResponse<String> first = get("/repos/acme/widget", "token " + token);
        HttpResponse<String> second = get("/repos/acme/widget/tags", "token " + token);
        HttpResponse<String> refused = get("/repos/acme/widget", "token " + token);

        assertThat(first.headers().firstValue("x-ratelimit-limit")).contains("2");
        assertThat(remaining(first)).isEqualTo(1);
        assertThat(remaining(second)).isZero();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("API rate limit exceeded");
        long reset = Long.parseLong(refused.headers().firstValue("x-ratelimit-reset").orElseThrow());
        while (Instant.now().getEpochSecond() < reset) {
            Thread.sleep(50);
        }
        HttpResponse<String> afterReset = get("/repos/acme/widget", "token " + token);
        assertThat(afterReset.statusCode()).isEqualTo(200);
        assertThat(remaining(afterReset)).isEqualTo(1);
    }

    @Test
    void installation_repositories_paginate_with_a_link_header() throws Exception {
        String auth = "token " + token(INSTALLATION);
        HttpResponse<String> page1 = get("/installation/repositories?per_page=1", auth);
        String link = page1.headers().firstValue("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("rel=\"last\"").contains("page=2");
        JsonNode body1 = Json.parse(page1.body());
        assertThat(body1.path("total_count").asInt()).isEqualTo(2);
        assertThat(body1.path("repositories")).hasSize(1);

        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResponse<String> page2 = send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", auth)
                .build());
        assertThat(Json.parse(page2.body()).path("repositories").get(0).path("full_name").asText())
                .isEqualTo("acme/widget");
        assertThat(page2.headers().firstValue("Link").orElseThrow()).contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(get("/installation/repositories", auth).headers().firstValue("Link")).isEmpty();

        List<String> viaHub4j = new ArrayList<>();
        GitHub client = new GitHubBuilder().withEndpoint(fake.baseUrl()).withAppInstallationToken(token(INSTALLATION))
                .build();
        client.getInstallation().listRepositories().withPageSize(1).forEach(r -> viaHub4j.add(r.getFullName()));
        assertThat(viaHub4j).containsExactly("acme/.github", "acme/widget");
        fake.assertNoContractViolations();
    }

    // ---- faults ----

    @Test
    void a_502_fault_hits_only_the_next_n_matching_requests() throws Exception {
        String auth = "token " + token(INSTALLATION);
        fake.faults().next(2).on("GET", "/repos/.*/git/trees/.*").respond(502);
        assertThat(get("/repos/acme/widget", auth).statusCode()).isEqualTo(200);
        assertThat(get("/repos/acme/widget/git/trees/" + head, auth).statusCode()).isEqualTo(502);
        assertThat(get("/repos/acme/widget/git/trees/" + head, auth).statusCode()).isEqualTo(502);
        assertThat(get("/repos/acme/widget/git/trees/" + head, auth).statusCode()).isEqualTo(200);
        assertThat(fake.requests()).filteredOn(r -> r.fault() != null).hasSize(2);
        assertThat(fake.faults().pending()).isZero();
    }

    @Test
    void rate_limit_faults_carry_githubs_headers() throws Exception {
        String auth = "token " + token(INSTALLATION);
        fake.faults().next(1).on("GET", "/repos/acme/widget").primaryRateLimit();
        HttpResponse<String> primary = get("/repos/acme/widget", auth);
        assertThat(primary.statusCode()).isEqualTo(403);
        assertThat(primary.headers().firstValue("x-ratelimit-remaining")).contains("0");
        assertThat(Long.parseLong(primary.headers().firstValue("x-ratelimit-reset").orElseThrow()))
                .isGreaterThan(Instant.now().getEpochSecond());
        assertThat(primary.body()).contains("API rate limit exceeded");

        fake.faults().next(1).on("GET", "/repos/acme/widget").secondaryRateLimit(429);
        HttpResponse<String> secondary = get("/repos/acme/widget", auth);
        assertThat(secondary.statusCode()).isEqualTo(429);
        assertThat(secondary.headers().firstValue("retry-after")).contains("1");

        fake.faults().next(1).respond(403, Map.of("retry-after", "1"));
        assertThat(get("/repos/acme/widget", auth).headers().firstValue("retry-after")).contains("1");
        assertThat(get("/repos/acme/widget", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void a_delay_fault_makes_a_client_time_out() throws Exception {
        String auth = "token " + token(INSTALLATION);
        fake.faults().next(1).on("GET", "/repos/acme/widget").delay(Duration.ofSeconds(2));
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/repos/acme/widget"))
                .header("Authorization", auth).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> send(request)).isInstanceOf(HttpTimeoutException.class);
        assertThat(get("/repos/acme/widget", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void a_reset_fault_closes_the_connection_without_an_answer() throws Exception {
        String auth = "token " + token(INSTALLATION);
        // The JDK client quietly retries an idempotent request once when the connection closes before any answer,
        // so a GET needs two resets before the caller sees the failure.
        fake.faults().next(2).on("GET", "/repos/acme/widget").resetConnection();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/repos/acme/widget"))
                .header("Authorization", auth).build();
        assertThatThrownBy(() -> send(request)).isInstanceOf(IOException.class);
        assertThat(fake.requests()).filteredOn(r -> "reset connection".equals(r.fault())).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(-1));
        assertThat(fake.billedRequests()).isEqualTo(0);
        assertThat(send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void a_lost_answer_fault_does_the_write_but_the_caller_sees_no_answer() throws Exception {
        String auth = "token " + token(INSTALLATION);
        fake.faults().next(1).on("POST", "/repos/acme/widget/check-runs").loseAnswer();

        assertThatThrownBy(() -> post("/repos/acme/widget/check-runs", auth,
                "{\"name\":\"bp\",\"head_sha\":\"" + head + "\"}")).isInstanceOf(IOException.class);

        assertThat(widget.checkRuns()).as("the write happened").hasSize(1);
        assertThat(fake.requests()).filteredOn(r -> "lose the answer".equals(r.fault())).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(201));
        fake.assertNoContractViolations();
    }

    // ---- the contract checker itself ----

    @Test
    void a_check_run_update_with_an_unknown_conclusion_is_a_contract_violation() throws Exception {
        String auth = "token " + token(INSTALLATION);
        long id = Json.parse(post("/repos/acme/widget/check-runs", auth,
                "{\"name\":\"bp\",\"head_sha\":\"" + head + "\"}").body()).path("id").asLong();
        fake.assertNoContractViolations();

        patch("/repos/acme/widget/check-runs/" + id, auth, "{\"conclusion\":\"passed\"}");

        assertThat(fake.contractViolations()).singleElement().asString().contains("PATCH", "/conclusion", "passed");
    }

    @Test
    void a_check_run_update_with_51_annotations_is_a_contract_violation() throws Exception {
        String auth = "token " + token(INSTALLATION);
        long id = Json.parse(post("/repos/acme/widget/check-runs", auth,
                "{\"name\":\"bp\",\"head_sha\":\"" + head + "\",\"status\":\"in_progress\"}").body()).path("id")
                .asLong();
        String annotations = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> "{\"path\":\"README.md\",\"start_line\":1,\"end_line\":1,"
                        + "\"annotation_level\":\"notice\",\"message\":\"m" + i + "\"}")
                .collect(Collectors.joining(","));
        patch("/repos/acme/widget/check-runs/" + id, auth,
                "{\"output\":{\"title\":\"t\",\"summary\":\"s\",\"annotations\":[" + annotations + "]}}");

        assertThat(fake.contractViolations()).singleElement().asString().contains("/output/annotations", "50");
    }

    @Test
    void a_check_run_without_head_sha_is_a_contract_violation() throws Exception {
        post("/repos/acme/widget/check-runs", "token " + token(INSTALLATION), "{\"name\":\"bp\"}");
        assertThat(fake.contractViolations()).anySatisfy(v -> assertThat(v).contains("head_sha"));
    }

    @Test
    void an_invalid_response_from_the_fake_is_a_contract_violation() throws Exception {
        String auth = "token " + token(INSTALLATION);
        fake.tamperWithNextResponse("GET", "/repos/acme/widget", body -> {
            ObjectNode json = (ObjectNode) Json.parse(body);
            json.remove("full_name");
            json.put("private", "no");
            return Json.write(json);
        });
        get("/repos/acme/widget", auth);
        assertThat(fake.contractViolations()).hasSize(2).allSatisfy(v -> assertThat(v).startsWith(
                "response 200 to GET /repos/acme/widget"));
        fake.clearContractViolations();
        get("/repos/acme/widget", auth);
        fake.assertNoContractViolations();
    }

    @Test
    void a_call_to_an_operation_the_fake_does_not_know_is_a_404_and_a_violation() throws Exception {
        HttpResponse<String> response = get("/repos/acme/widget/hooks", "token " + token(INSTALLATION));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body()).path("documentation_url").asText()).startsWith("https://docs.github.com");
        assertThatThrownBy(fake::assertNoContractViolations).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no such operation in the fake: GET /repos/acme/widget/hooks");
    }

    @Test
    void git_objects_have_real_ids_and_the_git_data_reads_stay_within_the_contract() throws Exception {
        // Git objects are real: a second identical commit on another branch has the same tree.
        String again = widget.commit("other", Map.of("README.md", "# Widget\n\nBuild with `mvn verify`.\n"), "x");
        GHRepository repo = installationClient(token(INSTALLATION)).getRepository("acme/widget");
        assertThat(repo.getTree(again).getTree()).extracting(GHTreeEntry::getSha)
                .containsExactly(gitBlobSha("# Widget\n\nBuild with `mvn verify`.\n"));
        JsonNode commit = Json.parse(get("/repos/acme/widget/git/commits/" + head, "token " + token(INSTALLATION))
                .body());
        assertThat(commit.path("tree").path("sha").asText()).isEqualTo(repo.getTreeRecursive(head, 1).getSha());
        String readmeSha = gitBlobSha("# Widget\n\nBuild with `mvn verify`.\n");
        assertThat(repo.getBlob(readmeSha).read()).asString(StandardCharsets.UTF_8)
                .isEqualTo("# Widget\n\nBuild with `mvn verify`.\n");
        assertThat(patch("/repos/acme/widget/git/refs/heads/nowhere", "token " + token(INSTALLATION),
                "{\"sha\":\"" + head + "\"}").statusCode()).isEqualTo(422);
        assertThat(send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/repos/acme/widget/git/refs/heads/nowhere"))
                .header("Authorization", "token " + token(INSTALLATION)).DELETE().build()).statusCode()).isEqualTo(422);
        fake.assertNoContractViolations();
    }

    // ---- helpers ----

    private String jwt(PrivateKey key, long appId) {
        Instant now = Instant.now();
        return Jwts.builder().issuer(Long.toString(appId)).issuedAt(Date.from(now.minusSeconds(60)))
                .expiration(Date.from(now.plusSeconds(540))).signWith(key, Jwts.SIG.RS256).compact();
    }

    private GitHub appClient(String jwt) throws IOException {
        return new GitHubBuilder().withEndpoint(fake.baseUrl()).withJwtToken(jwt).build();
    }

    private GitHub installationClient(String token) throws IOException {
        return new GitHubBuilder().withEndpoint(fake.baseUrl()).withAppInstallationToken(token).build();
    }

    private String token(long installation) throws IOException {
        GHApp app = appClient(jwt(appKeys.getPrivate(), APP_ID)).getApp();
        return app.getInstallationById(installation).createToken().create().getToken();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Accept", "application/vnd.github+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> patch(String path, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int remaining(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("x-ratelimit-remaining").orElseThrow());
    }

    private static String gitBlobSha(String content) {
        return GitObjects.objectId("blob", content.getBytes(StandardCharsets.UTF_8));
    }
}
