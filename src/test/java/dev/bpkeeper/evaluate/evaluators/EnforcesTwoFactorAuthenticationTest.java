package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnforcesTwoFactorAuthenticationTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("repository on github.com", Repo.onGitHub(), Status.MET,
                        "required two-factor authentication of every account that contributes code since 2023"),
                Arguments.of("GitHub Enterprise Server is run by someone else", Repo.onGitHub()
                        .webUrl("https://github.acme.corp/acme/widget"),
                                Status.UNKNOWN, "not known to be on github.com"),
                Arguments.of("another forge", Repo.onGitHub().webUrl("https://gitlab.com/acme/widget"), Status.UNKNOWN,
                        "not known to be on github.com"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "not known to be on github.com"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheHost(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new EnforcesTwoFactorAuthentication().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
