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
                Arguments.of("one exact name", "pom\\.xml", 0, Set.of("pom.xml"), Set.of()),
                Arguments.of("alternatives with optional endings", "build\\.gradle(\\.kts)?|go\\.mod", 0,
                        Set.of("build.gradle", "build.gradle.kts", "go.mod"), Set.of()),
                Arguments.of("a name without a dot", "(gnu)?makefile", 0, Set.of("makefile", "gnumakefile"),
                        Set.of()),
                Arguments.of("a dot file", "\\.env(\\.(local|prod))?", 0,
                        Set.of(".env", ".env.local", ".env.prod"), Set.of()),
                Arguments.of("any name with a fixed ending, which may be the whole name", ".*\\.tm7", 0,
                        Set.of(".tm7"), Set.of("tm7")),
                Arguments.of("an open name with a fixed ending", "checkstyle[^/]*\\.xml", 0, Set.of(),
                        Set.of("xml")),
                Arguments.of("open and exact names together", "(.*/)?(openapi[^/]*\\.json|swagger\\.ya?ml)", 0,
                        Set.of("swagger.yml", "swagger.yaml"), Set.of("json")),
                Arguments.of("a path prefix does not change the name", "((\\.github|docs?)/)?codeowners", 0,
                        Set.of("codeowners"), Set.of()),
                Arguments.of("non-capturing groups and character classes", "(?:threat[-_]?model)\\.(?:md|rst)", 0,
                        Set.of("threatmodel.md", "threat-model.md", "threat_model.md", "threatmodel.rst",
                                "threat-model.rst", "threat_model.rst"), Set.of()),
                Arguments.of("case-insensitive patterns give lower-case names", "README\\.(MD|Txt)",
                        Pattern.CASE_INSENSITIVE, Set.of("readme.md", "readme.txt"), Set.of()),
                Arguments.of("a case-sensitive upper-case ending is looked up in lower case", "[^/]+\\.SPEC", 0,
                        Set.of(), Set.of("spec")),
                Arguments.of("a leading negative lookahead only removes matches",
                        "(?!(.*/)?(node_modules|vendor)/)(.*/)?(openapi|swagger)[^/]*\\.(ya?ml|json)", 0,
                        Set.of(), Set.of("yml", "yaml", "json")),
                Arguments.of("an inline case flag", "(?i)Makefile\\.AM", 0, Set.of("makefile.am"), Set.of()),
                Arguments.of("a literal '-' at the end of a class", "a[_-]b\\.md", 0, Set.of("a_b.md", "a-b.md"),
                        Set.of()),
                Arguments.of("a name ending in a dot", "weird\\.", 0, Set.of("weird."), Set.of()),
                Arguments.of("too many names to list: their endings", "[a-z]+\\.md|[a-z]{3}\\.txt", 0, Set.of(),
                        Set.of("md", "txt")),
                Arguments.of("many short choices before the name starts: its endings, in bounded time",
                        "[a-f]{12}\\.md", 0, Set.of(), Set.of("md")),
                Arguments.of("a long ending", "x\\.abcdefghijklmnopqrstuvwxyz", 0,
                        Set.of("x.abcdefghijklmnopqrstuvwxyz"), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void listsTheNamesAndEndingsAPatternCanMatch(String name, String regex, int flags, Set<String> names,
            Set<String> endings) {
        assertThat(PatternExtensions.of(Pattern.compile(regex, flags)))
                .contains(new PatternExtensions.FileNames(names, endings));
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
                Arguments.of("an open ending", "notes\\.[a-z]+"));
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
