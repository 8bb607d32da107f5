package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishesDisclosureTimeframeTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("reply within three business days", Repo.onGitHub().withFile("SECURITY.md",
                        "# Security\nWe acknowledge reports within 3 business days."), Status.MET,
                        "SECURITY.md covers a vulnerability response timeframe: \"We acknowledge reports within 3"),
                Arguments.of("90-day disclosure deadline", Repo.onGitHub().withFile("docs/security.md",
                        "We follow a 90-day disclosure policy."), Status.MET, "docs/security.md"),
                Arguments.of("timeline table", Repo.onGitHub().withFile("SECURITY.md",
                        "| Step | Time |\n|---|---|\n| Acknowledgement | 2 days |"), Status.MET, "2 days"),
                Arguments.of("a policy without any time", Repo.onGitHub().withFile("SECURITY.md",
                        "# Security\nWe will respond as soon as possible."), Status.UNMET,
                        "No security policy states a response"),
                Arguments.of("a duration outside the security policy", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "We review pull requests within 5 days."), Status.UNMET, "No security policy states"),
                Arguments.of("a support window is not a response time", Repo.onGitHub().withFile("SECURITY.md",
                        "Security fixes are backported to releases from the last 12 months."), Status.UNMET,
                        "No security policy states"),
                Arguments.of("only the organisation default policy", Repo.onGitHub().orgCommunityFiles("SECURITY.md"),
                        Status.UNKNOWN, "its text is not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No security policy states"),
                Arguments.of("empty local directory: the owner's default policy cannot be seen",
                        Repo.localDirectory(), Status.UNKNOWN, "no SECURITY file or README section of its own"),
                Arguments.of("local checkout whose own policy gives no timeframe",
                        Repo.localDirectory().withFile("SECURITY.md", "Write to the maintainers about any flaw."),
                        Status.UNMET, "No security policy states"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheSecurityPolicy(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new PublishesDisclosureTimeframe().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
