package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostsProjectSitesOnGitHubTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("repository on github.com without homepage", Repo.onGitHub(), Status.MET,
                        "sites are on github.com (https://github.com/acme/widget)"),
                Arguments.of("homepage on github.com", Repo.onGitHub().homepage("https://github.com/acme"),
                        Status.MET, "https://github.com/acme"),
                Arguments.of("GitHub Pages site is not probed",
                        Repo.onGitHub().homepage("https://acme.github.io/widget"),
                        Status.UNKNOWN, "hosted outside github.com"),
                Arguments.of("own site is not probed", Repo.onGitHub().homepage("https://widget.acme.dev"),
                        Status.UNKNOWN, "hosted outside github.com"),
                Arguments.of("a look-alike host is not github.com", Repo.onGitHub()
                        .homepage("https://github.com.evil.example/x"), Status.UNKNOWN, "outside github.com"),
                Arguments.of("GitHub Enterprise host", Repo.onGitHub().webUrl("https://github.acme.corp/acme/widget"),
                        Status.UNKNOWN, "not known to be on github.com"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "not known to be on github.com"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromWhereTheSitesLive(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new HostsProjectSitesOnGitHub().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
