package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsDocumentationInEnglishTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("English README", Repo.onGitHub().withFile("README.md", "# Widget\n\nWidget is a"
                        + " tool for turning the text files in your repository into a website. It can be used with any"
                        + " static host, and it will keep all of your links working when you move pages."),
                        Status.MET, "README.md is written in English"),
                Arguments.of("German README", Repo.onGitHub().withFile("README.md", "# Widget\n\nWidget ist ein"
                        + " Werkzeug, das die Textdateien deines Projektarchivs in eine Webseite verwandelt. Es"
                        + " funktioniert mit jedem statischen Hoster und hält alle Verweise gültig, wenn Seiten"
                        + " verschoben werden."), Status.UNMET, "does not read as English"),
                Arguments.of("Chinese README", Repo.onGitHub().withFile("README.md", "# Widget\n\n"
                        + "这是一个把仓库中的文本文件转换成网站的工具。它可以与任何静态托管服务一起使用。"),
                        Status.UNMET, "non-Latin script"),
                Arguments.of("Chinese README with an English translation", Repo.onGitHub().withFile("README.md",
                        "# 工具\n\n这是一个工具。").withFile("README.en.md"), Status.MET, "README.en.md"),
                Arguments.of("an English translation in a subfolder does not count as the README", Repo.onGitHub()
                        .withFile("README.md", "# 工具\n\n这是一个把文本转换成网站的工具。").withFile("docs/README.en.md"),
                        Status.UNMET, "non-Latin script"),
                Arguments.of("code does not count as prose", Repo.onGitHub().withFile("README.md",
                        "# W\n```\nfor the in of to is and\n```\n"), Status.UNKNOWN, "too little prose"),
                Arguments.of("README not read", Repo.onGitHub().withFile("README.md"), Status.UNKNOWN, "not read"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET, "There is no README"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET, "There is no README"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromTheReadmeLanguage(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new IsDocumentationInEnglish().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
