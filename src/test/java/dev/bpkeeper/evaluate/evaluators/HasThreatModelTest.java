package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HasThreatModelTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("THREAT_MODEL.md", Repo.onGitHub().withFile("THREAT_MODEL.md"), Status.MET,
                        "THREAT_MODEL.md describes a threat model."),
                Arguments.of("Threat Dragon model", Repo.onGitHub().withFile("docs/security/widget-threat-model.json"),
                        Status.MET, "widget-threat-model.json"),
                Arguments.of("Attack surface section", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile("SECURITY.md", "## Attack surface\nThe HTTP API."), Status.MET,
                        "section \"Attack surface\""),
                Arguments.of("link to a threat model elsewhere", Repo.onGitHub().withFile("README.md",
                        "Our threat model is at https://acme.dev/tm."), Status.MET, "README.md covers a threat model"),
                Arguments.of("saying there is none does not count", Repo.onGitHub().withFile("README.md",
                        "# W\nWe have no threat model yet."), Status.UNMET, "No threat model"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "No threat model"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "No threat model"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromThreatModels(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HasThreatModel().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
