package dev.bpkeeper.accuracy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link AccuracyBenchmark} over the fetched corpus and prints its figures; it measures and never asserts.
 * Tagged "benchmark", so the default build leaves it out; it is skipped when the corpus has not been fetched
 * (CI has no corpus). Fetch with {@code src/test/resources/accuracy/fetch-corpus.sh DIR}, then run
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=AccuracyBenchmarkTest -Daccuracy.corpus=DIR}
 * (add {@code -Daccuracy.details=true} for each disagreement's justification and label evidence).
 */
@Tag("benchmark")
class AccuracyBenchmarkTest {

    @Test
    void measure() throws Exception {
        Path corpus = Path.of(System.getProperty("accuracy.corpus", "target/accuracy-corpus"));
        assumeTrue(Files.isDirectory(corpus), () -> "no accuracy corpus at " + corpus + ": fetch it first");
        AccuracyBenchmark.print(AccuracyBenchmark.measure(corpus, System.out),
                Boolean.getBoolean("accuracy.details"), System.out);
    }
}
