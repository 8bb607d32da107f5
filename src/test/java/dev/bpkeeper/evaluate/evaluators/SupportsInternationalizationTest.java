package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SupportsInternationalizationTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("Java resource bundles", Repo.onGitHub().withFiles("src/main/resources/messages.properties",
                        "src/main/resources/messages_de.properties"), Status.MET, "messages_de.properties"),
                Arguments.of("gettext catalogues", Repo.onGitHub().withFiles("po/de.po", "po/fr.po"), Status.MET,
                        "po/de.po and 1 more"),
                Arguments.of("locales folder", Repo.onGitHub().withFile("src/locales/en.json"), Status.MET,
                        "src/locales/en.json"),
                Arguments.of("Android strings", Repo.onGitHub().withFile("app/src/main/res/values-fr/strings.xml"),
                        Status.MET, "values-fr/strings.xml"),
                Arguments.of("i18next dependency", Repo.onGitHub().withFile("package.json",
                        "{\"dependencies\": {\"i18next\": \"^23.0.0\"}}"), Status.MET, "package.json uses an"
                                + " internationalisation library"),
                Arguments.of("a properties file without a locale is not a translation", Repo.onGitHub()
                        .withFile("src/main/resources/application.properties"), Status.UNKNOWN, "No translation"),
                Arguments.of("translations of a dependency do not count", Repo.onGitHub()
                        .withFile("node_modules/x/locales/de.json"), Status.UNKNOWN, "No translation"),
                Arguments.of("Babel the JavaScript compiler is not i18n", Repo.onGitHub().withFile("package.json",
                        "{\"devDependencies\": {\"@babel/core\": \"7\"}}"), Status.UNKNOWN, "No translation"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNKNOWN, "N/A"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNKNOWN, "N/A"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTranslationResources(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new SupportsInternationalization().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
