package dev.bpkeeper.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.Pages;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole way: a push arrives, the app evaluates, and the badge and the report show the new result. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadgeAfterPushTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EvaluationStore store;

    private final FakeGitHub github = FakeGitHubResource.fake();

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenTwoPushes_whenTheBadgeIsAskedAfterEach_thenItFollowsTheLatestEvaluation() {
        long installation = StoredResults.uniqueInstallation();
        String name = "acme/badge-" + installation;
        github.installation(installation, "acme", Map.of("contents", "read", "metadata", "read", "checks", "write"),
                name);
        FakeRepository repo = github.repository(name).description("Widgets for everyone").license("MIT");
        String first = repo.commit("main", Map.of("README.md", "# Widget\n\nWidgets for everyone.\n",
                "LICENSE", LicenseTexts.MIT), "Initial commit");
        Deliveries.send("push", Payloads.push(name, "main", first, installation, Instant.now()));
        StoredEvaluation before = latestAt(name, first);

        Response firstBadge = Eventually.get(() -> Pages.get(Pages.badge(name)),
                r -> r.statusCode() == 200, WAIT, "the badge after the first push");
        assertThat(firstBadge.asString()).contains(">" + before.view().badge().label() + "</text>");
        assertThat(Pages.get(Pages.report(name)).asString()).contains(before.checkRunUrl())
                .contains("data-id=\"vulnerability_report_process\" data-status=\"Unmet\"");

        String second = repo.commit("main", Map.of("SECURITY.md", "# Security\n\nReport vulnerabilities privately "
                + "through GitHub's private vulnerability reporting; we answer within 14 days.\n"), "Security policy");
        Deliveries.send("push", Payloads.push(name, "main", second, installation, Instant.now()));
        latestAt(name, second);

        Response secondReport = Eventually.get(() -> Pages.get(Pages.reportJson(name)),
                r -> second.equals(r.jsonPath().getString("commit")), WAIT, "the report after the second push");
        assertThat(secondReport.jsonPath().getString("bestpractices_json.vulnerability_report_process_status"))
                .isEqualTo("Met");
        assertThat(Pages.get(Pages.badge(name)).header("ETag")).isNotEqualTo(firstBadge.header("ETag"));
    }

    private StoredEvaluation latestAt(String name, String sha) {
        return Eventually.get(() -> store.latest(name), e -> e.map(s -> s.commitSha().equals(sha)).orElse(false),
                WAIT, "the evaluation of " + sha).orElseThrow();
    }
}
