package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.snapshot.BranchRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * requiresReviewBeforeMerge, requiresStatusChecksBeforeMerge, blocksDirectCommitsToPrimaryBranch and
 * blocksPrimaryBranchDeletion read the default branch's rules.
 */
class BranchRuleEvaluatorsTest {

    static BranchRules rules(int approvals, boolean statusChecks) {
        return new BranchRules(true, approvals, statusChecks, true, true, "repository rulesets");
    }

    static Stream<Arguments> requiresReviewBeforeMerge() {
        return Stream.of(
                Arguments.of("one approval", Repo.onGitHub().branchRules(rules(1, false)), Status.MET,
                        "needs 1 approving review (repository rulesets)"),
                Arguments.of("two approvals", Repo.onGitHub().branchRules(rules(2, false)), Status.MET,
                        "needs 2 approving reviews"),
                Arguments.of("pull requests without approvals", Repo.onGitHub().branchRules(rules(0, true)),
                        Status.UNMET, "require no approving review"),
                Arguments.of("no rules at all", Repo.onGitHub().branchRules(BranchRules.none("no rules found")),
                        Status.UNMET, "(no rules found)"),
                Arguments.of("rules not readable", Repo.onGitHub(), Status.UNKNOWN, "not known (not gathered)"),
                Arguments.of("local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    static Stream<Arguments> requiresStatusChecksBeforeMerge() {
        return Stream.of(
                Arguments.of("required checks", Repo.onGitHub().branchRules(rules(0, true)), Status.MET,
                        "must pass the required status checks (repository rulesets)"),
                Arguments.of("approvals but no checks", Repo.onGitHub().branchRules(rules(2, false)), Status.UNMET,
                        "require no status checks"),
                Arguments.of("no rules at all", Repo.onGitHub().branchRules(BranchRules.none("no rules found")),
                        Status.UNMET, "require no status checks"),
                Arguments.of("rules not readable", Repo.onGitHub(), Status.UNKNOWN, "not known"),
                Arguments.of("local directory", Repo.localDirectory(), Status.UNKNOWN, "not known"));
    }

    static Stream<Arguments> blocksDirectCommitsToPrimaryBranch() {
        return Stream.of(
                Arguments.of("pull requests required", Repo.onGitHub().branchRules(rules(0, false)), Status.MET,
                        "The default branch requires pull requests (repository rulesets)."),
                Arguments.of("no rules at all", Repo.onGitHub().branchRules(BranchRules.none("no rules found")),
                        Status.UNMET,
                        "The default branch accepts direct pushes: no pull-request rule (no rules found)."),
                Arguments.of("rules not readable", Repo.onGitHub(), Status.UNKNOWN,
                        "The default branch's protection is not known (not gathered)."));
    }

    static Stream<Arguments> blocksPrimaryBranchDeletion() {
        return Stream.of(
                Arguments.of("deletion blocked", Repo.onGitHub().branchRules(rules(0, false)), Status.MET,
                        "The default branch cannot be deleted (repository rulesets)."),
                Arguments.of("no rules at all", Repo.onGitHub().branchRules(BranchRules.none("no rules found")),
                        Status.UNMET, "Nothing prevents deleting the default branch (no rules found)."),
                Arguments.of("rules not readable", Repo.onGitHub(), Status.UNKNOWN,
                        "The default branch's protection is not known (not gathered)."));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("blocksDirectCommitsToPrimaryBranch")
    void blocksDirectCommitsToPrimaryBranch(String scenario, Repo repo, Status expected, String justification) {
        assertFinding(new BlocksDirectCommitsToPrimaryBranch(), repo, expected, justification);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("blocksPrimaryBranchDeletion")
    void blocksPrimaryBranchDeletion(String scenario, Repo repo, Status expected, String justification) {
        assertFinding(new BlocksPrimaryBranchDeletion(), repo, expected, justification);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("requiresReviewBeforeMerge")
    void requiresReviewBeforeMerge(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new RequiresReviewBeforeMerge(), repo, expected, justificationPart);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("requiresStatusChecksBeforeMerge")
    void requiresStatusChecksBeforeMerge(String scenario, Repo repo, Status expected, String justificationPart) {
        assertFinding(new RequiresStatusChecksBeforeMerge(), repo, expected, justificationPart);
    }

    @Test
    void aLocalDirectoryHasNoSettingsPageToLink() {
        Finding finding = new BlocksPrimaryBranchDeletion().evaluate(Repo.localDirectory()
                .branchRules(rules(0, false)).snapshot());

        assertThat(finding.status()).isEqualTo(Status.MET);
        assertThat(finding.evidence()).isEmpty();
    }

    @Test
    void linksTheBranchRulesSettings() {
        Finding finding = new RequiresReviewBeforeMerge().evaluate(Repo.onGitHub().branchRules(rules(1, true))
                .snapshot());

        assertThat(finding.evidence()).singleElement().satisfies(e -> assertThat(e.link())
                .isEqualTo(Repo.WEB_URL + "/settings/rules"));
    }

    private static void assertFinding(Evaluator evaluator, Repo repo, Status expected, String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
