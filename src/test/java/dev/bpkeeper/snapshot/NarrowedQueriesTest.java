package dev.bpkeeper.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.curiousoddman.rgxgen.RgxGen;
import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A large tree tests each pattern only against files whose ending the pattern allows. That must never change an
 * answer: for every pattern any evaluator asks, on a tree made of paths generated from those very patterns (and
 * their upper-case spellings), the narrowed answer equals a scan of every path.
 */
class NarrowedQueriesTest {

    @Test
    void everyPatternTheEvaluatorsAskGivesTheSameAnswerAsAFullScan() {
        Map<String, Pattern> asked = askedBy(tree(Map.of("README.md", 10L, "src/Main.java", 10L)));
        Map<String, Long> generated = new HashMap<>();
        Random random = new Random(20261203);
        for (Pattern pattern : asked.values()) {
            String generatable = PatternExtensions.Translation.withoutLeadingNegativeLookahead(pattern.pattern());
            if (generatable == null) {
                continue;
            }
            RgxGen generator = RgxGen.parse(generatable.startsWith("(?i)") ? generatable.substring(4) : generatable);
            for (int i = 0; i < 40; i++) {
                String path = generator.generate(random);
                if (!path.isEmpty() && !path.startsWith("/") && !path.endsWith("/") && !path.contains("//")) {
                    generated.put(path, 1L);
                    generated.put(path.toUpperCase(Locale.ROOT), 1L);
                    generated.put("deep/down/" + path, 1L);
                }
            }
        }
        FileTree tree = tree(generated);
        Map<String, Pattern> askedAgain = askedBy(tree);

        assertThat(askedAgain.size()).as("patterns asked").isGreaterThan(20);
        assertThat(generated.size()).as("generated paths").isGreaterThan(1_000);
        askedAgain.forEach((key, pattern) -> {
            if (key.startsWith("path ")) {
                assertThat(tree.matching(pattern)).as(key).isEqualTo(tree.matchingByFullScan(pattern));
            } else {
                assertThat(tree.withName(pattern)).as(key).isEqualTo(tree.withNameByFullScan(pattern));
            }
        });
    }

    @Test
    void mostPatternsTheEvaluatorsAskAreNarrowed() {
        Map<String, Pattern> asked = askedBy(tree(Map.of("README.md", 10L)));
        long narrowed = asked.values().stream().filter(p -> PatternExtensions.of(p).isPresent()).count();

        assertThat(narrowed).as("narrowed of %s: %s", asked.size(), asked.keySet())
                .isGreaterThanOrEqualTo(asked.size() * 3 / 4);
    }

    private static FileTree tree(Map<String, Long> paths) {
        return FileTree.of(paths, false);
    }

    private static Map<String, Pattern> askedBy(FileTree tree) {
        RepositorySnapshot snapshot = RepositorySnapshot.builder("acme/widget", Instant.parse("2026-12-03T00:00:00Z"))
                .tree(tree).build();
        for (Evaluator evaluator : Evaluators.ALL) {
            evaluator.evaluate(snapshot);
        }
        return tree.askedPatterns();
    }
}
