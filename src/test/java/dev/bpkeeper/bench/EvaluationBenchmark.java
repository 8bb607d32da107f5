package dev.bpkeeper.bench;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long evaluating every criterion takes on a warm JVM, by tree size: the pure evaluate step (snapshot →
 * verdicts and score) on a snapshot it has never seen, and indexing a tree of that size (part of gathering).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluationBenchmark {

    @Param({"1000", "10000", "100000"})
    int paths;

    private Assessor assessor;
    private RepositorySnapshot template;
    private RepositorySnapshot snapshot;
    private java.util.Map<String, Long> rawTree;

    @Setup(Level.Trial)
    public void setUp() {
        assessor = new Assessor(CatalogueLoader.fromClasspath(), Evaluators.ALL);
        template = SyntheticRepository.snapshot(paths);
        rawTree = SyntheticRepository.paths(paths);
    }

    /** Every evaluation gets a new tree, as every push does: nothing cached from the previous one counts. */
    @Setup(Level.Invocation)
    public void freshSnapshot() {
        snapshot = template.toBuilder().tree(FileTree.of(rawTree, false)).build();
    }

    @Benchmark
    public Assessment evaluateAllCriteria() {
        return assessor.assess(snapshot);
    }

    @Benchmark
    public FileTree indexTree() {
        return FileTree.of(rawTree, false);
    }
}
