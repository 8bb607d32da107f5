package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasContributingGuideTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("CONTRIBUTING.md at the root", Repo.onGitHub().withFile("CONTRIBUTING.md"),
                        Status.MET, "CONTRIBUTING.md"),
                Arguments.of("guide in .github/, lower case", Repo.onGitHub().withFile(".github/contributing.md"),
                        Status.MET, ".github/contributing.md"),
                Arguments.of("organisation default guide", Repo.onGitHub().orgCommunityFiles("CONTRIBUTING.md"),
                        Status.MET, "organisation's default contribution guide"),
                Arguments.of("README section on contributing", Repo.onGitHub().withFile("README.md",
                        "# Gadget\n\n## Contributing\n\nPatches welcome by pull request.\n"),
                        Status.MET, "contributing section"),
                Arguments.of("nothing at all on GitHub, owner's defaults read and empty", Repo.onGitHub(),
                        Status.UNMET, "No CONTRIBUTING guide"),
                Arguments.of("guide deep in a subproject does not count",
                        Repo.onGitHub().withFile("tools/CONTRIBUTING.md"), Status.UNMET, "No CONTRIBUTING guide"),
                Arguments.of("empty local directory: the owner's defaults cannot be seen", Repo.localDirectory(),
                        Status.UNKNOWN, "owner's .github repository"),
                Arguments.of("local checkout with a README but no guide: the owner's defaults cannot be seen",
                        Repo.localDirectory().withFile("README.md", "# Gadget\nA gadget. Run it with ./gadget.\n"),
                        Status.UNKNOWN, "is not known"),
                Arguments.of("local checkout with its own guide", Repo.localDirectory().withFile("CONTRIBUTING.md"),
                        Status.MET, "CONTRIBUTING.md"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromWhereGitHubLooks(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasContributingGuide().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
