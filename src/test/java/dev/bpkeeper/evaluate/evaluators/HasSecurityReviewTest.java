package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasSecurityReviewTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("audit report PDF in docs/", Repo.onGitHub().withFile("docs/2024-security-audit.pdf"),
                        Status.MET, "docs/2024-security-audit.pdf describes a security review"),
                Arguments.of("audits folder", Repo.onGitHub().withFile("audits/ostif-2025.md"), Status.MET,
                        "audits/ostif-2025.md"),
                Arguments.of("Security audit section in the README", Repo.onGitHub().withFile("README.md",
                        "# W\n## Security audit\nSee the report."), Status.MET, "section \"Security audit\""),
                Arguments.of("a named auditor", Repo.onGitHub().withFile("SECURITY.md",
                        "The code was audited by Trail of Bits in 2024."), Status.MET, "Trail of Bits"),
                Arguments.of("an Audit logging feature is not an audit", Repo.onGitHub().withFile("README.md",
                        "# W\n## Audit logging\nEvery call is logged."), Status.UNMET, "No security audit"),
                Arguments.of("the result says to confirm its age", Repo.onGitHub().withFile("SECURITY-AUDIT.md"),
                        Status.MET, "less than five years old"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No security audit"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No security audit"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromAuditReports(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasSecurityReview().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
