package dev.bpkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing of real GitHub payloads (@octokit/webhooks-examples), scenario by scenario. */
class EventRouterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode payload(String file) throws IOException {
        try (InputStream in = EventRouterTest.class.getResourceAsStream("/webhooks/" + file)) {
            return JSON.readTree(in);
        }
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                Arguments.of("push", "push/branch-created-with-installation.json", "EVALUATE acme"),
                Arguments.of("push", "push/tag-deleted-with-installation.json", "ignored: a tag push"),
                Arguments.of("push", "push/tag-deleted.json", "ignored: the delivery names no installation"),
                Arguments.of("pull_request", "pull_request/opened-with-installation.json", "EVALUATE pr"),
                Arguments.of("pull_request", "pull_request/synchronize-with-installation.json", "EVALUATE pr"),
                Arguments.of("pull_request", "pull_request/reopened-with-installation.json", "EVALUATE pr"),
                Arguments.of("pull_request", "pull_request/closed-not-merged-with-installation.json",
                        "ignored: pull_request closed"),
                Arguments.of("check_suite", "check_suite/rerequested-with-installation.json", "EVALUATE rerequested"),
                Arguments.of("check_suite", "check_suite/requested-with-installation.json", "ignored: check_suite requested"),
                Arguments.of("check_run", "check_run/rerequested-with-installation-and-organization.json",
                        "EVALUATE rerequested"),
                Arguments.of("check_run", "check_run/requested-action-with-installation-and-organization.json",
                        "ignored: check_run requested_action lgtm|26764 is not one of the app's buttons"),
                Arguments.of("installation", "installation/created.json", "EVALUATE installation created"),
                Arguments.of("installation", "installation/deleted.json", "DELETE_INSTALLATION"),
                Arguments.of("installation", "installation/suspend.json", "ignored: installation suspend"),
                Arguments.of("installation", "installation/unsuspend.json", "EVALUATE_INSTALLATION"),
                Arguments.of("installation_repositories", "installation_repositories/added-with-requester.json",
                        "EVALUATE repositories added"),
                Arguments.of("installation_repositories", "installation_repositories/removed.json", "DELETE_REPOSITORY"),
                Arguments.of("repository", "repository/renamed-with-installation-and-organization.json",
                        "RENAME_REPOSITORY"),
                Arguments.of("repository", "repository/transferred-with-installation.json", "RENAME_REPOSITORY"),
                Arguments.of("repository", "repository/privatized-with-organization.json", "ignored: the delivery names no installation"),
                Arguments.of("ping", "ping/repository-hook-with-app-id.json", "ignored: ping"));
    }

    @ParameterizedTest(name = "{1} → {2}")
    @MethodSource("deliveries")
    void routesRealPayloads(String event, String file, String expected) throws IOException {
        Route route = EventRouter.route(event, payload(file), "delivery-1");

        if (expected.startsWith("ignored: ")) {
            assertThat(route.ignored()).isTrue();
            assertThat(route.ignoredBecause()).startsWith(expected.substring("ignored: ".length()));
        } else {
            assertThat(route.jobs()).isNotEmpty().allSatisfy(job -> {
                assertThat(job.kind().name()).isEqualTo(expected.split(" ")[0]);
                assertThat(job.installationId()).isPositive();
                assertThat(job.deliveryId()).isEqualTo("delivery-1");
            });
        }
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("a path out of the tree", "push", "push/branch-created-with-installation.json",
                        "/repository/full_name", "../../etc/passwd"),
                Arguments.of("NUL", "push", "push/branch-created-with-installation.json", "/repository/full_name",
                        "acme/wid\u0000get"),
                Arguments.of("empty", "pull_request", "pull_request/opened-with-installation.json",
                        "/repository/full_name", ""),
                Arguments.of("no owner", "check_suite", "check_suite/rerequested-with-installation.json",
                        "/repository/full_name", "/widget"),
                Arguments.of("a line break", "installation", "installation/created.json",
                        "/repositories/0/full_name", "acme/widget\nFORGED"),
                Arguments.of("a space", "installation_repositories",
                        "installation_repositories/added-with-requester.json", "/repositories_added/0/full_name",
                        "acme/wid get"),
                Arguments.of("dot-dot", "installation_repositories", "installation_repositories/removed.json",
                        "/repositories_removed/0/full_name", "acme/.."),
                Arguments.of("owner too long", "repository", "repository/renamed-with-installation-and-organization.json",
                        "/repository/full_name", "a".repeat(40) + "/widget"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badNames")
    void givenASignedDeliveryNamingARepositoryAgainstGitHubsRules_thenItIsRefusedWithTheRulesAndNoJob(String name,
            String event, String file, String pointer, String fullName) throws IOException {
        JsonNode payload = payload(file);
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.at(parent)).put("full_name", fullName);

        Route route = EventRouter.route(event, payload, "delivery-1");

        assertThat(route.refused()).isTrue();
        assertThat(route.jobs()).isEmpty();
        assertThat(route.refusedBecause()).contains("not a GitHub repository name").contains("1 to 100")
                .doesNotContain(fullName.isEmpty() ? "\u0000" : fullName);
    }

    @Test
    void givenAnInstallationListingTwoHundredThousandRepositories_thenOneJobPagesThroughThemOnTheApi()
            throws IOException {
        JsonNode payload = payload("installation/created.json");
        com.fasterxml.jackson.databind.node.ArrayNode repositories =
                ((com.fasterxml.jackson.databind.node.ObjectNode) payload).putArray("repositories");
        for (int i = 0; i < 200_000; i++) {
            repositories.addObject().put("id", i).put("name", "r" + i).put("full_name", "acme/r" + i);
        }

        Route route = EventRouter.route("installation", payload, "delivery-1");

        assertThat(route.jobs()).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(Job.Kind.EVALUATE_INSTALLATION);
            assertThat(job.repository()).isNull();
            assertThat(job.trigger()).isEqualTo("installation created");
        });
    }

    @Test
    void givenAnInstallationListingAsManyRepositoriesAsTheBound_thenEachIsEvaluatedFromThePayload()
            throws IOException {
        JsonNode payload = payload("installation/created.json");
        com.fasterxml.jackson.databind.node.ArrayNode repositories =
                ((com.fasterxml.jackson.databind.node.ObjectNode) payload).putArray("repositories");
        for (int i = 0; i < EventRouter.MAX_LISTED_REPOSITORIES; i++) {
            repositories.addObject().put("id", i).put("name", "r" + i).put("full_name", "acme/r" + i);
        }

        assertThat(EventRouter.route("installation", payload, "delivery-1").jobs())
                .hasSize(EventRouter.MAX_LISTED_REPOSITORIES).allSatisfy(job -> assertThat(job.kind())
                        .isEqualTo(Job.Kind.EVALUATE));
    }

    static Stream<Arguments> bursts() {
        return Stream.of(
                Arguments.of("installation", "installation/created.json", true),
                Arguments.of("installation", "installation/new-permissions-accepted.json", true),
                // Lists no repositories: the listing job is not itself one of the burst's evaluations.
                Arguments.of("installation", "installation/unsuspend.json", false),
                Arguments.of("installation_repositories", "installation_repositories/added-with-requester.json", true),
                Arguments.of("push", "push/branch-created-with-installation.json", false),
                Arguments.of("check_suite", "check_suite/rerequested-with-installation.json", false),
                Arguments.of("installation_repositories", "installation_repositories/removed.json", false));
    }

    @ParameterizedTest(name = "{1} → part of an installation burst: {2}")
    @MethodSource("bursts")
    void evaluationsOfAWholeInstallationAreOneBurstWhoseProgressIsFollowed(String event, String file, boolean burst)
            throws IOException {
        Route route = EventRouter.route(event, payload(file), "delivery-1");

        assertThat(route.jobs()).isNotEmpty().allSatisfy(job -> assertThat(job.inInstallationBurst()).isEqualTo(burst));
    }

    @Test
    void aDefaultBranchPushEvaluatesTheNewHeadAtItsCommitTime() throws IOException {
        Job job = EventRouter.route("push", payload("push/branch-created-with-installation.json"), "d").jobs().get(0);

        assertThat(job.repository()).isEqualTo("Codertocat/Hello-World");
        assertThat(job.commitSha()).isEqualTo("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
        assertThat(job.commitTime()).isEqualTo(Instant.parse("2019-05-15T15:19:25Z"));
        assertThat(job.trigger()).isEqualTo("push");
    }

    @Test
    void pushPayloadsCarryEpochSecondsWhereOtherEventsCarryIsoDates() throws IOException {
        JsonNode push = payload("push/branch-created-with-installation.json");

        assertThat(push.path("repository").path("pushed_at").isNumber()).as("the quirk is real").isTrue();
        assertThat(EventRouter.instant(push.path("repository").path("pushed_at")))
                .isEqualTo(Instant.ofEpochSecond(1557933657));
        assertThat(EventRouter.instant(JSON.readTree("\"2019-05-15T15:20:30Z\""))).isEqualTo(Instant.parse("2019-05-15T15:20:30Z"));
        assertThat(EventRouter.instant(JSON.readTree("\"not a date\""))).isNull();
    }

    @Test
    void aTimeBeyondTheRangeOfInstantIsUnknownNotAFailure() throws IOException {
        for (String beyond : List.of("9223372036854775807", "-9223372036854775808", "1e300",
                "\"+1000000000-01-01T00:00:00Z\"", "\"\"")) {
            assertThat(EventRouter.instant(JSON.readTree(beyond))).as(beyond).isNull();
        }
    }

    @Test
    void aPushToAnotherBranchIsLeftToPullRequestEvents() throws IOException {
        JsonNode push = payload("push/branch-created-with-installation.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) push).put("ref", "refs/heads/feature");

        Route route = EventRouter.route("push", push, "d");

        assertThat(route.ignoredBecause()).contains("not the default branch master");
    }

    @Test
    void theFixupButtonAsksForTheFixupPullRequestOfTheRepository() throws IOException {
        JsonNode payload = payload("check_run/requested-action-with-installation-and-organization.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.path("requested_action"))
                .put("identifier", EventRouter.OPEN_FIXUP_ACTION);

        Job job = EventRouter.route("check_run", payload, "d").jobs().get(0);

        assertThat(job.kind()).isEqualTo(Job.Kind.OPEN_FIXUP);
        assertThat(job.repository()).isEqualTo("electron/electron");
        assertThat(job.commitSha()).as("the default branch head, whichever commit had the button").isNull();
    }

    @Test
    void closingTheAppsFixupPullRequestIsRemembered() throws IOException {
        JsonNode payload = payload("pull_request/closed-not-merged-with-installation.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.path("pull_request").path("head"))
                .put("ref", dev.bpkeeper.act.fixup.FixupPublisher.BRANCH);

        Job job = EventRouter.route("pull_request", payload, "d").jobs().get(0);

        assertThat(job.kind()).isEqualTo(Job.Kind.FIXUP_CLOSED);
        assertThat(job.pullRequest()).isEqualTo(payload.path("number").asInt());
    }

    @Test
    void aPullRequestIsEvaluatedAtItsHeadAndNamesItsNumber() throws IOException {
        JsonNode payload = payload("pull_request/opened-with-installation.json");

        Job job = EventRouter.route("pull_request", payload, "d").jobs().get(0);

        assertThat(job.commitSha()).isEqualTo(payload.path("pull_request").path("head").path("sha").asText());
        assertThat(job.pullRequest()).isEqualTo(payload.path("number").asInt());
    }

    @Test
    void aRenameCarriesTheOldAndNewNames() throws IOException {
        Job job = EventRouter.route("repository", payload("repository/renamed-with-installation-and-organization.json"),
                "d").jobs().get(0);

        assertThat(job.repository()).isEqualTo("Octocoders/Hello-World");
        assertThat(job.newRepository()).isEqualTo("Octocoders/Hello-World");
    }

    @Test
    void unknownEventsAreIgnoredWithTheirName() throws IOException {
        Route route = EventRouter.route("star", JSON.readTree("{\"installation\":{\"id\":5}}"), "d");

        assertThat(route.ignoredBecause()).isEqualTo("the star event is not used");
    }
}
