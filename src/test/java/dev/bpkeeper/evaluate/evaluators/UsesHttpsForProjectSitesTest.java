package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsesHttpsForProjectSitesTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("no separate homepage", Repo.onGitHub(), Status.MET,
                        "served over HTTPS at https://github.com/acme/widget, and there is no separate homepage"),
                Arguments.of("https homepage", Repo.onGitHub().homepage("https://widget.acme.dev"), Status.MET,
                        "the homepage (https://widget.acme.dev) are served over HTTPS"),
                Arguments.of("http homepage", Repo.onGitHub().homepage("http://widget.acme.dev"), Status.UNMET,
                        "plain HTTP address (http://widget.acme.dev)"),
                Arguments.of("upper-case HTTP scheme", Repo.onGitHub().homepage("HTTP://WIDGET.ACME.DEV"),
                        Status.UNMET, "plain HTTP"),
                Arguments.of("an https homepage that mentions http in its path", Repo.onGitHub()
                        .homepage("https://acme.dev/http://mirror"), Status.MET, "served over HTTPS"),
                Arguments.of("homepage without a scheme", Repo.onGitHub().homepage("widget.acme.dev"), Status.UNKNOWN,
                        "has no https:// scheme"),
                Arguments.of("repository on a plain-HTTP forge", Repo.onGitHub().webUrl("http://git.acme.dev/widget"),
                        Status.UNMET, "served over plain HTTP at http://git.acme.dev/widget"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN,
                        "homepage is not known"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheSiteAddresses(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new UsesHttpsForProjectSites().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
