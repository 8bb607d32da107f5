package dev.bpkeeper.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.bench.SyntheticRepository;
import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of pattern analyses in the jar (src/main/resources/dev/bpkeeper/snapshot/pattern-analyses.tsv) spares a
 * process the automata it would otherwise build on its first evaluation. It must say exactly what the analysis says
 * for every pattern the evaluators ask of a range of repositories. After changing an evaluator's patterns or the
 * analysis, run {@code ./mvnw test -Dtest=PatternTableTest -Dpatterns.update=true}.
 */
class PatternTableTest {
    private static final Path TABLE = Path.of("src/main/resources/dev/bpkeeper/snapshot/pattern-analyses.tsv");

    @Test
    void theTableInTheJarIsTheAnalysisOfEveryPatternTheEvaluatorsAsk() throws IOException {
        String expected = PatternExtensions.table(askedOfSeveralRepositories());
        if (Boolean.getBoolean("patterns.update")) {
            Files.writeString(TABLE, expected);
        }

        assertThat(inTheJar()).as("%s is out of date: run ./mvnw test -Dtest=PatternTableTest -Dpatterns.update=true",
                TABLE).isEqualTo(expected);
        assertThat(expected.lines().count()).as("patterns in the table").isGreaterThan(40);
    }

    @Test
    void aTableReadBackGivesTheAnalysesItWasMadeFrom() {
        Collection<Pattern> patterns = askedOfSeveralRepositories();
        String table = PatternExtensions.table(patterns);

        Map<String, Optional<PatternExtensions.FileNames>> names = PatternExtensions.parse(table);
        Map<String, Optional<Set<String>>> tops = PatternExtensions.parseTops(table);

        for (Pattern pattern : patterns) {
            String key = pattern.flags() + "/" + pattern.pattern();
            assertThat(names).as(key).containsEntry(key, PatternExtensions.of(pattern));
            if (PatternExtensions.of(pattern).isEmpty()) {
                assertThat(tops).as(key).containsEntry(key, PatternExtensions.topDirectories(pattern));
            }
        }
    }

    @Test
    void linesThatCannotBeReadAreSkipped() {
        String table = String.join("\n", "", "garbage", "N+\tonly-two", "N-\t2/a\\.md\textra", "T+\t2/x", "N+\t0/ok\tok.md\t",
                "T-\t0/open.*", "T+\t0/docs/.*\tdocs|");

        assertThat(PatternExtensions.parse(table)).isEqualTo(Map.of("0/ok",
                Optional.of(new PatternExtensions.FileNames(Set.of("ok.md"), Set.of()))));
        assertThat(PatternExtensions.parseTops(table)).isEqualTo(Map.of("0/open.*", Optional.empty(),
                "0/docs/.*", Optional.of(Set.of("docs", ""))));
        assertThat(PatternExtensions.parse("")).isEmpty();
    }

    private static String inTheJar() throws IOException {
        try (InputStream in = PatternTableTest.class.getResourceAsStream("/dev/bpkeeper/snapshot/pattern-analyses.tsv")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every pattern the evaluators ask of an empty tree, a small one and a large monorepo-like one. */
    private static Collection<Pattern> askedOfSeveralRepositories() {
        Map<String, Pattern> asked = new TreeMap<>();
        List<RepositorySnapshot> snapshots = List.of(snapshot(FileTree.of(Map.of(), false)),
                snapshot(FileTree.of(Map.of("README.md", 10L, "src/Main.java", 10L, "package.json", 10L,
                        "go.mod", 10L, "Cargo.toml", 10L, "setup.py", 10L, "docs/index.md", 10L), false)),
                SyntheticRepository.snapshot(2_000));
        for (RepositorySnapshot snapshot : snapshots) {
            for (Evaluator evaluator : Evaluators.ALL) {
                evaluator.evaluate(snapshot);
            }
            snapshot.tree().askedPatterns().forEach((key, pattern) -> asked.put(pattern.flags() + "/" + pattern.pattern(),
                    pattern));
        }
        return asked.values();
    }

    private static RepositorySnapshot snapshot(FileTree tree) {
        return RepositorySnapshot.builder("acme/widget", Instant.parse("2026-12-04T00:00:00Z")).tree(tree).build();
    }
}
