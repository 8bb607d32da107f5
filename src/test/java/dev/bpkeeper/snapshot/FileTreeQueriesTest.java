package dev.bpkeeper.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileTreeQueriesTest {

    private static FileTree tree(String... paths) {
        return FileTree.of(Arrays.stream(paths).collect(Collectors.toMap(Function.identity(), p -> 1L)), false);
    }

    static Stream<Arguments> namesContaining() {
        return Stream.of(
                Arguments.of("an empty tree", new String[0], "fuzz", List.of()),
                Arguments.of("any case, any depth", new String[] {"FuzzParser.java", "a/b/parser_fuzzer.cc", "x.c"},
                        "fuzz", List.of("FuzzParser.java", "a/b/parser_fuzzer.cc")),
                Arguments.of("a directory's name is not the file's", new String[] {"fuzz/main.c"}, "fuzz", List.of()),
                Arguments.of("the same name in two directories", new String[] {"a/fuzz.c", "b/fuzz.c"}, "fuzz",
                        List.of("a/fuzz.c", "b/fuzz.c")),
                Arguments.of("a name holding the text twice is found once", new String[] {"fuzzfuzz.c"}, "fuzz",
                        List.of("fuzzfuzz.c")),
                Arguments.of("the text never spans two names", new String[] {"abc", "def"}, "c\nd", List.of()),
                Arguments.of("the whole name", new String[] {"fuzz", "fuz"}, "fuzz", List.of("fuzz")),
                Arguments.of("empty text: every file", new String[] {"b/x", "a"}, "", List.of("a", "b/x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namesContaining")
    void findsTheFilesWhoseNameContainsAText(String name, String[] paths, String part, List<String> expected) {
        assertThat(tree(paths).withNameContaining(part)).isEqualTo(expected);
    }

    @Test
    void namesEveryDirectoryInLowerCaseWhetherOrNotItHoldsFilesDirectly() {
        assertThat(tree("Src/Main/App.java", "docs/x.md", "README").directoryNames())
                .containsExactlyInAnyOrder("src", "main", "docs");
        assertThat(tree().directoryNames()).isEmpty();
    }

    static Stream<Arguments> extensions() {
        return Stream.of(
                Arguments.of("a plain ending", "src/App.java", "java"),
                Arguments.of("upper case", "README.MD", "md"),
                Arguments.of("the last dot counts", "a/b.tar.gz", "gz"),
                Arguments.of("a dot file has none", ".gitignore", ""),
                Arguments.of("a dot in a directory is not an ending", "v1.2/Makefile", ""),
                Arguments.of("a name ending in a dot", "weird.", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extensions")
    void readsAFileNamesEnding(String name, String path, String extension) {
        assertThat(FileTree.extension(path)).isEqualTo(extension);
    }

    @Test
    void ordersPathsNearestTheRootFirstThenByName() {
        List<String> paths = new java.util.ArrayList<>(List.of("b/c/d", "z", "a/b", "a", "b/a"));
        paths.sort(FileTree::shallowerFirst);
        assertThat(paths).containsExactly("a", "z", "a/b", "b/a", "b/c/d");
        assertThat(Map.of("", 0, "a", 0, "a/b", 1, "a/b/c", 2)).allSatisfy((p, d) ->
                assertThat(FileTree.depth(p)).as(p).isEqualTo(d));
    }
}
