package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import java.util.List;

/** Every evaluator the app has, in one visible list. The catalogue refers to them by name. */
public final class Evaluators {

    public static final List<Evaluator> ALL = List.of(
            // Community files, documentation, releases and licence
            new HasSecurityPolicy(),
            new HasContributingGuide(),
            new HasLicenseFile(),
            new IsLicenseFloss(),
            new IsLicenseOsiApproved(),
            new IsRepositoryPublic(),
            new UsesDistributedVersionControl(),
            // ---- section A: documentation, community, releases, licence (begin) ----
            // ---- section A (end) ----
            // Build, tests, analysis, workflows and branch rules
            new BlocksDirectCommitsToPrimaryBranch(),
            new BlocksPrimaryBranchDeletion(),
            // ---- section B: build, tests, analysis, workflows, branch rules (begin) ----
            // ---- section B (end) ----
            new RunsTestsInCi());

    private Evaluators() {
    }
}
