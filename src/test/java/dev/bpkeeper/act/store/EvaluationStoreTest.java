package dev.bpkeeper.act.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = dev.bpkeeper.testing.FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EvaluationStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Inject
    EvaluationStore store;

    @Inject
    DeliveryLog deliveries;

    @Test
    void theLatestEvaluationIsOneReadAndRoundTripsExactly() {
        String repo = unique("Acme/Widget");
        StoredEvaluation saved = evaluation(repo, "aaa", T0, "passing");

        assertThat(store.save(saved)).isTrue();

        StoredEvaluation read = store.latest(repo.toLowerCase()).orElseThrow();
        assertThat(read.repository()).as("GitHub's spelling is kept").isEqualTo(repo);
        assertThat(read.commitSha()).isEqualTo("aaa");
        assertThat(read.view()).isEqualTo(saved.view());
        assertThat(read.etag()).hasSize(32);
    }

    @Test
    void givenAConfiguredBadgeIdWhenStoredThenItRoundTripsAndIsPartOfTheEtag() {
        String without = unique("acme/unlinked");
        String with = unique("acme/linked");
        store.save(evaluation(without, "aaa", T0, "passing"));
        StoredEvaluation linked = evaluation(with, "aaa", T0, "passing");
        store.save(new StoredEvaluation(with, linked.installationId(), "aaa", T0, linked.evaluatedAt(), false, null,
                evaluation(without, "aaa", T0, "passing").view(), "", Optional.of(1234L)));

        StoredEvaluation plain = store.latest(without).orElseThrow();
        StoredEvaluation read = store.latest(with).orElseThrow();

        assertThat(plain.badgeId()).isEmpty();
        assertThat(read.badgeId()).contains(1234L);
        assertThat(read.view()).as("the same result").isEqualTo(plain.view());
        assertThat(read.etag()).as("a page with other edit links is another version").isNotEqualTo(plain.etag());
    }

    @Test
    void anOlderCommitArrivingLateNeverReplacesANewerOne() {
        String repo = unique("acme/late");
        store.save(evaluation(repo, "new", T0.plus(Duration.ofHours(1)), "silver"));

        boolean becameLatest = store.save(evaluation(repo, "old", T0, "in progress 40%"));

        assertThat(becameLatest).isFalse();
        assertThat(store.latest(repo).orElseThrow().commitSha()).isEqualTo("new");
        assertThat(store.atCommit(repo, "old")).as("its own history entry is still kept").isPresent();
    }

    @Test
    void givenTwoHeadsWithTheSameCommitTimeWhenTheOlderHeadsEvaluationFinishesLastThenTheNewerHeadStaysLatest() {
        String repo = unique("acme/race");
        // Both commits were made in the same second (a quick push after another): commit times cannot order them.
        store.save(evaluation(repo, "newer", T0, "passing"), Optional.of(T0.plusSeconds(20)));

        boolean becameLatest = store.save(evaluation(repo, "older", T0, "in progress 40%"),
                Optional.of(T0.plusSeconds(10)));

        assertThat(becameLatest).isFalse();
        assertThat(store.latest(repo).orElseThrow().commitSha()).isEqualTo("newer");
        assertThat(store.atCommit(repo, "older")).as("kept in history").isPresent();
    }

    @Test
    void givenAHeadSeenLaterWhenItsCommitIsDatedEarlierThenItStillBecomesLatest() {
        String repo = unique("acme/rebased");
        store.save(evaluation(repo, "before-rebase", T0.plus(Duration.ofHours(1)), "passing"),
                Optional.of(T0.plus(Duration.ofHours(1))));

        // A rebased commit keeps its author's older date, but it is what the branch points to now.
        boolean becameLatest = store.save(evaluation(repo, "rebased", T0, "silver"),
                Optional.of(T0.plus(Duration.ofHours(2))));

        assertThat(becameLatest).isTrue();
        assertThat(store.latest(repo).orElseThrow().commitSha()).isEqualTo("rebased");
    }

    @Test
    void givenACommitNotSeenHeadingTheBranchWhenSavedThenItIsHistoryOnly() {
        String repo = unique("acme/behind");

        assertThat(store.save(evaluation(repo, "passed-by", T0, "passing"), Optional.empty())).isFalse();

        assertThat(store.latest(repo)).isEmpty();
        assertThat(store.atCommit(repo, "passed-by")).isPresent();
    }

    @Test
    void givenALatestStoredBeforePositionsExistedWhenANewerHeadIsSeenThenItReplacesIt() {
        String repo = unique("acme/legacy");
        store.save(evaluation(repo, "old", T0, "passing"));

        assertThat(store.save(evaluation(repo, "new", T0, "silver"), Optional.of(T0.plusSeconds(1)))).isTrue();
        assertThat(store.save(evaluation(repo, "stale", T0, "gold"), Optional.of(T0))).isFalse();
        assertThat(store.latest(repo).orElseThrow().commitSha()).isEqualTo("new");
    }

    @Test
    void reEvaluatingTheSameCommitReplacesIt() {
        String repo = unique("acme/rerun");
        store.save(evaluation(repo, "same", T0, "in progress 10%"));

        assertThat(store.save(evaluation(repo, "same", T0, "passing"))).isTrue();
        assertThat(store.latest(repo).orElseThrow().view().badge().label()).isEqualTo("passing");
    }

    @Test
    void anInstallationsRepositoriesCanBeListedAndForgotten() {
        String a = unique("org/a");
        String b = unique("org/b");
        long installation = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        store.save(withInstallation(evaluation(a, "1", T0, "passing"), installation));
        store.save(withInstallation(evaluation(b, "2", T0, "passing"), installation));

        assertThat(store.repositoriesOf(installation)).containsExactlyInAnyOrder(a.toLowerCase(), b.toLowerCase());

        store.deleteRepository(a);
        assertThat(store.latest(a)).isEmpty();
        assertThat(store.atCommit(a, "1")).isEmpty();
        assertThat(store.repositoriesOf(installation)).containsExactly(b.toLowerCase());
    }

    @Test
    void givenAMonorepoWhenAPathIsNoLongerEvaluatedThenItsLatestIsRetiredAndItsHistoryStays() {
        String root = unique("acme/mono");
        long installation = uniqueInstallation();
        String sibling = root + "-other";
        for (String project : List.of(root, root + "/a", root + "/b", sibling)) {
            store.save(withInstallation(evaluation(project, "1", T0, "passing"), installation),
                    Optional.of(T0.plusSeconds(1)));
        }

        List<String> retired = store.retireOthers(root, installation, List.of(root.toUpperCase() + "/A"),
                T0.plusSeconds(2));

        assertThat(retired).as("the root (not listed once paths are set) and b")
                .containsExactlyInAnyOrder(root.toLowerCase(), root.toLowerCase() + "/b");
        assertThat(store.latest(root + "/b")).isEmpty();
        assertThat(store.latest(root)).isEmpty();
        assertThat(store.latestCommit(root)).as("a push of the same head is not skipped").isEmpty();
        assertThat(store.latest(root + "/a")).isPresent();
        assertThat(store.latest(sibling)).as("another repository sharing the name's start").isPresent();
        assertThat(store.atCommit(root + "/b", "1")).as("history stays").isPresent();
        assertThat(store.latestOf(List.of(root, root + "/a", root + "/b", sibling))).extracting(
                StoredEvaluation::repository).containsExactlyInAnyOrder(root + "/a", sibling);
        assertThat(store.retireOthers(root, installation, List.of(root + "/a"), T0.plusSeconds(3)))
                .as("retired once").isEmpty();
    }

    @Test
    void givenAPathRetiredByANewerHeadWhenAnOlderHeadsEvaluationFinishesLateThenItStaysRetired() {
        String root = unique("acme/late-path");
        long installation = uniqueInstallation();
        store.save(withInstallation(evaluation(root + "/b", "1", T0, "passing"), installation),
                Optional.of(T0.plusSeconds(1)));
        store.retireOthers(root, installation, List.of(), T0.plusSeconds(3));

        boolean becameLatest = store.save(withInstallation(evaluation(root + "/b", "2", T0, "silver"), installation),
                Optional.of(T0.plusSeconds(2)));

        assertThat(becameLatest).isFalse();
        assertThat(store.latest(root + "/b")).isEmpty();
    }

    @Test
    void givenARetiredPathWhenANewerHeadListsItAgainThenItIsTheLatestAgain() {
        String root = unique("acme/back");
        long installation = uniqueInstallation();
        store.save(withInstallation(evaluation(root + "/b", "1", T0, "passing"), installation),
                Optional.of(T0.plusSeconds(1)));
        store.retireOthers(root, installation, List.of(), T0.plusSeconds(2));

        boolean becameLatest = store.save(withInstallation(evaluation(root + "/b", "3", T0, "silver"), installation),
                Optional.of(T0.plusSeconds(3)));

        assertThat(becameLatest).isTrue();
        assertThat(store.latest(root + "/b").orElseThrow().commitSha()).isEqualTo("3");
    }

    @Test
    void givenAPathEvaluatedAtANewerHeadWhenAnOlderHeadWithoutItRetiresThenTheNewerResultStays() {
        String root = unique("acme/newer-path");
        long installation = uniqueInstallation();
        store.save(withInstallation(evaluation(root + "/b", "2", T0, "passing"), installation),
                Optional.of(T0.plusSeconds(2)));

        List<String> retired = store.retireOthers(root, installation, List.of(), T0.plusSeconds(1));

        assertThat(retired).isEmpty();
        assertThat(store.latest(root + "/b").orElseThrow().commitSha()).isEqualTo("2");
    }

    @Test
    void aRepositoryNeverEvaluatedHasNothing() {
        assertThat(store.latest(unique("nobody/nothing"))).isEmpty();
    }

    @Test
    void aDeliveryIsAcceptedOnceAndAgainOnlyAfterBeingForgotten() {
        String id = UUID.randomUUID().toString();

        assertThat(deliveries.firstTime(id, "push")).isTrue();
        assertThat(deliveries.firstTime(id, "push")).isFalse();
        deliveries.forget(id);
        assertThat(deliveries.firstTime(id, "push")).isTrue();
    }

    @Test
    void aStoreThatCannotBeReachedSaysSoClearly() {
        EvaluationStore down = new EvaluationStore();
        down.dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy
                        .doNotRetry()))
                .build();
        down.config = store.config;
        down.json = new ObjectMapper();
        down.clock = Clock.systemUTC();

        assertThatThrownBy(() -> down.latest("acme/widget")).isInstanceOf(StorageException.class)
                .hasMessageContaining("Could not read the evaluation of acme/widget");
    }

    static StoredEvaluation evaluation(String repo, String sha, Instant commitTime, String label) {
        AssessmentView view = new AssessmentView(repo, sha, commitTime.toString(),
                new AssessmentView.Badge(label.startsWith("in progress") ? "in_progress" : label, 42, label),
                new AssessmentView.Badge("in_progress", 10, "in progress 10%"),
                List.of(new AssessmentView.LevelView("passing", 42, 28, 67, Map.of("Met", 28), List.of("x"))),
                List.of(new AssessmentView.CriterionView("contribution", "contribution", "Basics", "d",
                        "https://www.bestpractices.dev/en/criteria/0#0.contribution",
                        List.of(new AssessmentView.RequirementView("passing", "MUST", true)), "Met", "Found.",
                        List.of(new AssessmentView.EvidenceView("CONTRIBUTING.md", "https://x", "CONTRIBUTING.md")),
                        "decisive", "decisive", "hasContributingGuide", "Add one.", "evaluator")));
        return new StoredEvaluation(repo, 7L, sha, commitTime, commitTime.plusSeconds(5), false, null, view, "", Optional.empty());
    }

    static StoredEvaluation withInstallation(StoredEvaluation e, long installationId) {
        return new StoredEvaluation(e.repository(), installationId, e.commitSha(), e.commitTime(), e.evaluatedAt(),
                e.privateRepository(), e.checkRunUrl(), e.view(), e.etag(), e.badgeId());
    }

    static long uniqueInstallation() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    static String unique(String repo) {
        return repo + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
