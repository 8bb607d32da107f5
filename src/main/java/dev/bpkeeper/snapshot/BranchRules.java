package dev.bpkeeper.snapshot;

/**
 * The rules in force on the default branch, merged from rulesets and classic branch protection.
 *
 * @param requiresPullRequest direct pushes are refused; changes arrive through pull requests
 * @param requiredApprovals approving reviews needed before merging (0 when none)
 * @param requiresStatusChecks named checks must pass before merging
 * @param blocksDeletion the branch cannot be deleted
 * @param blocksForcePush history on the branch cannot be rewritten
 * @param source where the rules were read, for the justification (e.g. "repository rulesets")
 */
public record BranchRules(
        boolean requiresPullRequest,
        int requiredApprovals,
        boolean requiresStatusChecks,
        boolean blocksDeletion,
        boolean blocksForcePush,
        String source) {

    public static BranchRules none(String source) {
        return new BranchRules(false, 0, false, false, false, source);
    }
}
