package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasPublicDiscussionChannelTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("issues on a public repository", Repo.onGitHub(), Status.MET,
                        "discussed in the open in GitHub Issues"),
                Arguments.of("issues and discussions", Repo.onGitHub().issuesAndDiscussions(true, true), Status.MET,
                        "GitHub Issues and GitHub Discussions"),
                Arguments.of("mailing list instead", Repo.onGitHub().issuesAndDiscussions(false, false)
                        .withFile("README.md", "Join https://lists.acme.dev/mailman/listinfo/widget-dev"), Status.MET,
                        "README.md points to a public discussion channel"),
                Arguments.of("a Discord server needs a proprietary client", Repo.onGitHub()
                        .issuesAndDiscussions(false, false).withFile("README.md", "Chat: https://discord.gg/abc"),
                        Status.UNMET, "no mailing list or forum is linked"),
                Arguments.of("private repository", Repo.onGitHub().privateRepository(), Status.UNMET, "private"),
                Arguments.of("empty repository with everything off", Repo.onGitHub().issuesAndDiscussions(false,
                        false), Status.UNMET, "disabled"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "Whether the repository is public is not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromIssuesDiscussionsAndLists(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasPublicDiscussionChannel().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
