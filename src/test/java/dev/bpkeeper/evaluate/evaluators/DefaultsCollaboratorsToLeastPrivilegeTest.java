package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultsCollaboratorsToLeastPrivilegeTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("repository on github.com", Repo.onGitHub(), Status.MET,
                        "invited with an explicitly chosen role"),
                Arguments.of("GitHub Enterprise also asks for a role", Repo.onGitHub()
                        .webUrl("https://github.acme.corp/acme/widget"), Status.MET, "base permission should be Read"),
                Arguments.of("another forge", Repo.onGitHub().webUrl("https://gitlab.com/acme/widget"), Status.UNKNOWN,
                        "not known to be on GitHub"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "not known to be on GitHub"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheHost(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DefaultsCollaboratorsToLeastPrivilege().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
