package dev.bpkeeper.gather.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.testing.fakegithub.GraphQlContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GraphQL query the app can send is one GitHub runs, judged by GitHub's published schema: each combination
 * of what the snapshot query asks for, with no file, one, or many (quotes and all), the files of a sub-project,
 * and the head-only query.
 */
class SnapshotQueryContractTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final List<String> MANY = IntStream.range(0, 300).mapToObj(i -> "docs/\"quoted\" \\ " + i + ".md")
            .toList();

    static Stream<Arguments> everyQueryTheAppBuilds() {
        List<Arguments> queries = new ArrayList<>();
        for (List<String> paths : List.of(List.<String>of(), List.of("README.md"), MANY)) {
            for (int asks = 0; asks < 16; asks++) {
                boolean tags = (asks & 1) != 0;
                boolean releases = (asks & 2) != 0;
                boolean orgFiles = (asks & 4) != 0;
                boolean branchRules = (asks & 8) != 0;
                queries.add(Arguments.of("snapshot of " + paths.size() + " files, tags " + tags + ", releases "
                        + releases + ", org files " + orgFiles + ", branch rules " + branchRules,
                        SnapshotQuery.build("acme", "widget", SHA, paths, tags, releases, orgFiles, branchRules)));
            }
            if (!paths.isEmpty()) {
                queries.add(Arguments.of("files of a sub-project, " + paths.size() + " files",
                        SnapshotQuery.files("acme", "widget", SHA, paths)));
            }
        }
        queries.add(Arguments.of("the head of the default branch", SnapshotQuery.head("acme", "widget")));
        queries.add(Arguments.of("an owner and name needing escapes",
                SnapshotQuery.build("a\"c\\me", "wid\nget", SHA, List.of("a\tb"), true, true, true, true)));
        return queries.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQueryTheAppBuilds")
    void githubRunsEveryQueryTheAppBuilds(String name, String query) {
        assertThat(GraphQlContract.refusals(query)).as(query).isEmpty();
    }

    @Test
    void theTagQueryOfVersionZeroPointOneWouldHaveBeenRefused() {
        String shipped = SnapshotQuery.build("acme", "widget", SHA, List.of(), true, false, false, false)
                .replace("... on Tag { target { oid } }", "... on Tag { target { oid } signature { isValid } }");

        assertThat(GraphQlContract.refusals(shipped)).containsExactly("Field 'signature' doesn't exist on type 'Tag'");
    }
}
