package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.fixup.FixupPublisher;
import dev.bpkeeper.act.fixup.PullRequestText;
import dev.bpkeeper.queue.InProcessJobQueue;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.Eventually;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LicenseTexts;
import dev.bpkeeper.testing.Payloads;
import dev.bpkeeper.testing.fakegithub.FakeGitHub;
import dev.bpkeeper.testing.fakegithub.FakeRepository;
import dev.bpkeeper.testing.fakegithub.PullRequest;
import dev.bpkeeper.testing.fakegithub.RecordedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fix-up pull requests end to end: one tidy pull request per repository, kept in step, never pushed on anyone. */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FixupPullRequestTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, String> PERMISSIONS = Map.of("contents", "write", "metadata", "read", "checks", "write",
            "pull_requests", "write");
    private static final AtomicLong INSTALLATIONS = new AtomicLong(500);
    private static final String BRANCH = FixupPublisher.BRANCH;

    @Inject
    InProcessJobQueue queue;

    private final FakeGitHub github = FakeGitHubResource.fake();
    private long installation;
    private FakeRepository repo;
    private final Map<String, String> files = new HashMap<>(Map.of("README.md", "# Widget\n\nWidgets for everyone.\n",
            "LICENSE", LicenseTexts.MIT, "CODE_OF_CONDUCT.md", "Be kind. Report problems to conduct@acme.example.\n"));

    @AfterEach
    void githubSawOnlyWhatItsContractAllows() {
        github.assertNoContractViolations();
    }

    @Test
    void givenARepositoryMissingSecurityAndContributingWhenPushedThenOnePullRequestAddsBothInOneCommit() {
        String main = pushRepository();

        PullRequest pull = onlyPullRequest();
        assertThat(pull.state()).isEqualTo("open");
        assertThat(pull.base()).isEqualTo("main");
        assertThat(pull.head()).isEqualTo(BRANCH);
        assertThat(pull.title()).isEqualTo(PullRequestText.TITLE);
        assertThat(pull.body()).startsWith(PullRequestText.MARKER).contains("`SECURITY.md`", "`CONTRIBUTING.md`",
                "`vulnerability_report_process`", "`contribution`").doesNotContain("`CODE_OF_CONDUCT.md`");
        assertThat(github.count("POST", ".*/git/commits")).as("one commit").isEqualTo(1);
        assertThat(repo.fileAt(BRANCH, "SECURITY.md")).hasValueSatisfying(s -> s.startsWith("# Security policy for"));
        assertThat(repo.fileAt(BRANCH, "CONTRIBUTING.md")).hasValueSatisfying(s -> s.contains("automated tests"));
        assertThat(repo.fileAt(BRANCH, ".bestpractices.json")).hasValueSatisfying(
                s -> s.contains("\"vulnerability_report_process_status\" : \"Unmet\""));
        assertThat(repo.fileAt(BRANCH, "README.md")).as("the rest of the tree is kept")
                .isEqualTo(repo.fileAt(main, "README.md"));
        assertThat(repo.branch("main")).as("the default branch is never pushed to").hasValue(main);
    }

    @Test
    void whenPushedAgainThenStillOnePullRequestAndNoWriteAtAll() {
        pushRepository();
        String branchHead = repo.branch(BRANCH).orElseThrow();
        files.put("README.md", "# Widget\n\nNow with more words.\n");
        github.clearLog();

        push();

        assertThat(repo.pullRequests()).hasSize(1);
        assertThat(repo.branch(BRANCH)).hasValue(branchHead);
        assertThat(writesOutsideCheckRuns()).isEmpty();
    }

    @Test
    void whenThePullRequestWasClosedUnmergedThenItIsNeverProposedAgain() {
        pushRepository();
        int number = onlyPullRequest().number();
        repo.closePull(number);
        deliver("pull_request", Payloads.pullRequestClosed(repo.fullName(), "main", BRANCH, number, installation));
        assertThat(repo.branch(BRANCH)).as("the app tidies its branch away").isEmpty();

        files.put("README.md", "# Widget\n\nStill no security policy.\n");
        push();
        files.put("docs/notes.md", "Some notes.\n");
        push();

        assertThat(repo.pullRequests()).hasSize(1).allSatisfy(p -> assertThat(p.state()).isEqualTo("closed"));
        assertThat(repo.branch(BRANCH)).isEmpty();
    }

    @Test
    void whenTheMaintainersAddOneOfTheFilesThenThePullRequestIsUpdatedInPlace() {
        pushRepository();
        files.put("SECURITY.md", "Report vulnerabilities to security@acme.example; we answer within 7 days.\n");

        String main = push();

        PullRequest pull = onlyPullRequest();
        assertThat(pull.state()).isEqualTo("open");
        assertThat(pull.body()).contains("`CONTRIBUTING.md`").doesNotContain("`SECURITY.md`");
        assertThat(repo.fileAt(BRANCH, "SECURITY.md")).as("the maintainers' own file, from the default branch")
                .hasValue(files.get("SECURITY.md"));
        assertThat(repo.fileAt(BRANCH, "CONTRIBUTING.md")).isPresent();
        assertThat(github.requests()).filteredOn(r -> r.method().equals("PATCH") && r.path().endsWith("/refs/heads/"
                + BRANCH)).hasSize(1);
        assertThat(repo.branch("main")).hasValue(main);
    }

    @Test
    void whenNothingIsMissingAnyMoreThenThePullRequestIsClosedWithAComment() {
        pushRepository();
        files.put("SECURITY.md", "Report vulnerabilities to security@acme.example; we answer within 7 days.\n");
        files.put("CONTRIBUTING.md", "Open a pull request; new features need tests.\n");

        push();

        PullRequest pull = onlyPullRequest();
        assertThat(pull.state()).isEqualTo("closed");
        assertThat(pull.comments()).containsExactly(PullRequestText.closingComment());
        assertThat(repo.branch(BRANCH)).isEmpty();
    }

    @Test
    void whenTheMergedFilesAreRemovedLaterThenTheyAreNotProposedAgain() {
        pushRepository();
        String merge = repo.mergePull(onlyPullRequest().number());
        deliverPush(merge);
        assertThat(repo.fileAt("main", "SECURITY.md")).isPresent();

        files.put("CONTRIBUTING.md", repo.fileAt("main", "CONTRIBUTING.md").orElseThrow());
        push();

        assertThat(repo.pullRequests()).hasSize(1);
    }

    @Test
    void whenSomeoneElsePushesToTheBranchThenTheAppLeavesThePullRequestAlone() {
        pushRepository();
        Map<String, String> theirs = new HashMap<>(files);
        theirs.put("SECURITY.md", "Edited by a maintainer.\n");
        String their = repo.commit(BRANCH, theirs, "Maintainer edits");
        files.put("CONTRIBUTING.md", "Open a pull request; new features need tests.\n");
        files.put("SECURITY.md", "Report vulnerabilities to security@acme.example.\n");

        push();

        assertThat(onlyPullRequest().state()).isEqualTo("open");
        assertThat(repo.branch(BRANCH)).hasValue(their);
    }

    @Test
    void theRepositoryConfigurationLimitsWhichFilesAreAdded() {
        files.put(".github/openssf-best-practices.yml", "fixup_pull_requests:\n  files: [SECURITY.md]\n");

        pushRepository();

        assertThat(repo.fileAt(BRANCH, "SECURITY.md")).isPresent();
        assertThat(repo.fileAt(BRANCH, "CONTRIBUTING.md")).isEmpty();
        assertThat(repo.fileAt(BRANCH, ".bestpractices.json")).isEmpty();
    }

    @Test
    void whenTheRepositoryTurnsFixupsOffThenTheCheckRunOffersAButtonInstead() {
        installation = INSTALLATIONS.incrementAndGet();
        repo = repository();
        files.put(".github/openssf-best-practices.yml", "fixup_pull_requests:\n  enabled: false\n");

        String sha = push();

        assertThat(repo.pullRequests()).isEmpty();
        assertThat(repo.checkRuns()).filteredOn(r -> r.headSha().equals(sha)).singleElement()
                .satisfies(run -> assertThat(run.actions()).hasSize(1));
    }

    @Test
    void aBranchTheAppDidNotCreateIsNeverTouched() {
        installation = INSTALLATIONS.incrementAndGet();
        repo = repository();
        repo.commit(BRANCH, Map.of("notes.txt", "someone's work\n"), "Someone's branch");
        String theirs = repo.branch(BRANCH).orElseThrow();

        push();

        assertThat(repo.pullRequests()).isEmpty();
        assertThat(repo.branch(BRANCH)).hasValue(theirs);
    }

    @Test
    void archivedRepositoriesAndForksGetNoPullRequest() {
        installation = INSTALLATIONS.incrementAndGet();
        repo = repository().archived(true);
        push();
        assertThat(repo.pullRequests()).isEmpty();

        installation = INSTALLATIONS.incrementAndGet();
        repo = repository().fork(true);
        push();
        assertThat(repo.pullRequests()).isEmpty();
    }

    @Test
    void withoutWritePermissionsNothingIsAttempted() {
        installation = INSTALLATIONS.incrementAndGet();
        String name = "acme/readonly-" + installation;
        github.installation(installation, "acme", Map.of("contents", "read", "metadata", "read", "checks", "write"),
                name);
        repo = github.repository(name).license("MIT");
        github.clearLog();

        push();

        assertThat(repo.pullRequests()).isEmpty();
        assertThat(writesOutsideCheckRuns()).isEmpty();
    }

    private String pushRepository() {
        installation = INSTALLATIONS.incrementAndGet();
        repo = repository();
        github.clearLog();
        String sha = push();
        Eventually.get(repo::pullRequests, p -> !p.isEmpty(), WAIT, "a fix-up pull request");
        return sha;
    }

    private FakeRepository repository() {
        String name = "acme/gadget-" + installation;
        github.installation(installation, "acme", PERMISSIONS, name);
        return github.repository(name).description("Gadgets").license("MIT");
    }

    /** Commits the current files on main and delivers the push; returns once the app has done everything. */
    private String push() {
        String sha = repo.commit("main", files, "change");
        deliverPush(sha);
        return sha;
    }

    private void deliverPush(String sha) {
        deliver("push", Payloads.push(repo.fullName(), "main", sha, installation, Instant.now()));
    }

    private void deliver(String event, byte[] payload) {
        assertThat(Deliveries.send(event, payload).statusCode()).isEqualTo(202);
        Eventually.get(queue::pending, n -> n == 0, WAIT, "the queue to drain");
    }

    private PullRequest onlyPullRequest() {
        List<PullRequest> pulls = repo.pullRequests();
        assertThat(pulls).hasSize(1);
        return pulls.get(0);
    }

    private List<String> writesOutsideCheckRuns() {
        return github.requests().stream().filter(r -> !r.method().equals("GET") && !r.appJwt())
                .filter(r -> !r.path().contains("/check-runs") && !r.path().contains("/access_tokens")
                        && !r.path().equals("/graphql"))
                .map(r -> r.method() + " " + r.path()).toList();
    }
}
