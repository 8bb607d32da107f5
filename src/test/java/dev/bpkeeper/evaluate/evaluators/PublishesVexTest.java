package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishesVexTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("OpenVEX file", Repo.onGitHub().withFile(".vex/widget.openvex.json"), Status.MET,
                        "VEX statements are published in .vex/widget.openvex.json"),
                Arguments.of("CSAF folder", Repo.onGitHub().withFile("security/csaf/2025-001.json"), Status.MET,
                        "security/csaf/2025-001.json"),
                Arguments.of("VEX release asset", Repo.onGitHub().releases(Repo.release("v1", "n", "widget.vex.json")),
                        Status.MET, "ships VEX statements"),
                Arguments.of("VEX statements named in SECURITY.md", Repo.onGitHub().withFile("SECURITY.md",
                        "We publish VEX statements for unaffected dependencies."), Status.MET, "SECURITY.md refers to"),
                Arguments.of("a convex hull is not VEX", Repo.onGitHub().withFile("src/convex.json")
                        .releases(Repo.release("v1", "n", "convex-linux")), Status.UNKNOWN, "No VEX document"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "N/A"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "N/A"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromVexDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new PublishesVex().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
