package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import java.util.List;

/** Every evaluator the app has, in one visible list. The catalogue refers to them by name. */
public final class Evaluators {

    public static final List<Evaluator> ALL = List.of(
            // Community files and documentation
            new HasSecurityPolicy(),
            new HasContributingGuide(),
            // Licence
            new HasLicenseFile(),
            new IsLicenseFloss(),
            new IsLicenseOsiApproved(),
            // Repository and forge
            new IsRepositoryPublic(),
            new UsesDistributedVersionControl(),
            new BlocksDirectCommitsToPrimaryBranch(),
            new BlocksPrimaryBranchDeletion(),
            // Build, test and CI
            new RunsTestsInCi());

    private Evaluators() {
    }
}
