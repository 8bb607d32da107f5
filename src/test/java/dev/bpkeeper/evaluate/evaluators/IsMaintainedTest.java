package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsMaintainedTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("pushed yesterday", Repo.onGitHub(), Status.MET, "the latest change was on 2026-11-24"),
                Arguments.of("latest commit recent, push unknown", Repo.localDirectory().history(Repo.history(50,
                        Repo.NOW.minusSeconds(86_400L * 100), java.util.Map.of("ada", 5))), Status.MET, "2026-08-17"),
                Arguments.of("archived", Repo.onGitHub().archived(), Status.UNMET, "archived"),
                Arguments.of("README says it is no longer maintained", Repo.onGitHub().withFile("README.md",
                        "# Widget\n\n> **Note**: This project is no longer maintained. Use Gadget."), Status.UNMET,
                        "README.md says the project is no longer maintained"),
                Arguments.of("DEPRECATED banner", Repo.onGitHub().withFile("README.md", "# DEPRECATED\n\nUse Gadget."),
                        Status.UNMET, "line 1"),
                Arguments.of("unmaintained.tech badge", Repo.onGitHub().withFile("README.md",
                        "[![No Maintenance Intended](http://unmaintained.tech/badge.svg)](http://unmaintained.tech/)"),
                        Status.UNMET, "no longer maintained"),
                Arguments.of("description says deprecated", Repo.onGitHub().description("[DEPRECATED] use gadget"),
                        Status.UNMET, "The repository description says the project is over"),
                Arguments.of("a deprecated option is not a deprecated project", Repo.onGitHub().withFile("README.md",
                        "# Widget\n\nDeprecated: the --fast flag; the old API is deprecated and will be removed."),
                        Status.MET, "The project is active"),
                Arguments.of("replacing a deprecated library is fine", Repo.onGitHub().description(
                        "A replacement for the deprecated foo library"), Status.MET, "active"),
                Arguments.of("quiet for two years", Repo.onGitHub().pushedAt(Repo.NOW.minusSeconds(86_400L * 730)),
                        Status.UNMET, "more than a year before this check"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "Neither the commit history nor the last push is known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromActivityAndNotices(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new IsMaintained().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
