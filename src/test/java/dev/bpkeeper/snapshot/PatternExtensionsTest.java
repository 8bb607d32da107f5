package dev.bpkeeper.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatternExtensionsTest {

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of("one exact name", "pom\\.xml", 0, Set.of("xml")),
                Arguments.of("alternatives with optional endings", "build\\.gradle(\\.kts)?|go\\.mod", 0,
                        Set.of("gradle", "kts", "mod")),
                Arguments.of("a name without a dot", "(gnu)?makefile", 0, Set.of("")),
                Arguments.of("a dot file has no extension", "\\.editorconfig", 0, Set.of("")),
                Arguments.of("a dot file with an optional ending", "\\.env(\\.(local|prod))?", 0,
                        Set.of("", "local", "prod")),
                Arguments.of("any name with a fixed ending, which may be the whole name", ".*\\.tm7", 0,
                        Set.of("", "tm7")),
                Arguments.of("a path prefix does not change the ending", "((\\.github|docs?)/)?codeowners", 0,
                        Set.of("")),
                Arguments.of("non-capturing groups and character classes", "(?:threat[-_]?model)\\.(?:md|rst)", 0,
                        Set.of("md", "rst")),
                Arguments.of("case-insensitive patterns give lower-case endings", "README\\.(MD|Txt)",
                        Pattern.CASE_INSENSITIVE, Set.of("md", "txt")),
                Arguments.of("a case-sensitive upper-case ending is looked up in lower case", "[^/]+\\.SPEC", 0,
                        Set.of("spec")),
                Arguments.of("a leading negative lookahead only removes matches",
                        "(?!(.*/)?(node_modules|vendor)/)(.*/)?(openapi|swagger)[^/]*\\.(ya?ml|json)", 0,
                        Set.of("yml", "yaml", "json")),
                Arguments.of("an inline case flag", "(?i)Makefile\\.AM", 0, Set.of("am")),
                Arguments.of("a literal '-' at the end of a class", "a[_-]b\\.md", 0, Set.of("md")),
                Arguments.of("a name ending in a dot has no extension", "weird\\.", 0, Set.of("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void listsTheEndingsAPatternCanMatch(String name, String regex, int flags, Set<String> endings) {
        assertThat(PatternExtensions.of(Pattern.compile(regex, flags))).contains(endings);
    }

    static Stream<Arguments> openEnded() {
        return Stream.of(
                Arguments.of("anything at the end", "[^/]*fuzz[^/]*"),
                Arguments.of("any path", ".*"),
                Arguments.of("a digit class, which the automaton library reads differently", ".+\\.so(\\.\\d+)+"),
                Arguments.of("a word boundary", "\\bvex\\b"),
                Arguments.of("anchors", "^readme$"),
                Arguments.of("a lookahead inside the pattern", "docs/(?=x)x\\.md"),
                Arguments.of("a possessive quantifier", "a*+\\.md"),
                Arguments.of("a multi-line flag", "(?m)a\\.md"),
                Arguments.of("a class intersection", "a[b-d&&c]\\.md"),
                Arguments.of("an ending longer than any file type", "x\\.abcdefghijklmnopqrstuvwxyz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openEnded")
    void givesNoAnswerWhenTheEndingIsOpenOrThePatternIsNotUnderstood(String name, String regex) {
        assertThat(PatternExtensions.of(Pattern.compile(regex))).isEqualTo(Optional.empty());
    }

    static Stream<Arguments> directories() {
        return Stream.of(
                Arguments.of("one directory", "\\.github/workflows/[^/]+", 0, Set.of(".github")),
                Arguments.of("alternatives, any depth below", "docs?/security/.+", Pattern.CASE_INSENSITIVE,
                        Set.of("doc", "docs")),
                Arguments.of("an optional directory: the root too", "(docs/)?roadmap\\.md", 0, Set.of("", "docs")),
                Arguments.of("upper case looked up in lower case", "Docs/.*", 0, Set.of("docs")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directories")
    void listsTheTopLevelDirectoriesAPatternCanMatch(String name, String regex, int flags, Set<String> tops) {
        assertThat(PatternExtensions.topDirectories(Pattern.compile(regex, flags))).contains(tops);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anywhere")
    void givesNoDirectoriesWhenThePatternMatchesAnywhere(String name, String regex) {
        assertThat(PatternExtensions.topDirectories(Pattern.compile(regex))).isEqualTo(Optional.empty());
    }

    static Stream<Arguments> anywhere() {
        return Stream.of(
                Arguments.of("any leading directories", "(.*/)?openapi\\.ya?ml"),
                Arguments.of("any name at the root or below", "[^/]+(/[^/]+)*"));
    }
}
