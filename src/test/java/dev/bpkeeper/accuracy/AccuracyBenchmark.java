package dev.bpkeeper.accuracy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.gather.LocalGatherer;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Measures how often {@code evaluate} is right on real repositories: runs the evaluators (without any answers the
 * repositories declare) over a fetched corpus and compares each passing-level verdict with labels a person made by
 * reading the repository (src/test/resources/accuracy). Prints coverage, agreement, false Met and false Unmet
 * overall, per ecosystem and per criterion, then every disagreement. Measures, never asserts: see BENCHMARKS.md.
 *
 * <p>Run: {@code java ... AccuracyBenchmark CORPUS_DIR [--details]}, or through {@link AccuracyBenchmarkTest}.
 */
public final class AccuracyBenchmark {

    /** One pinned repository of corpus.yml. */
    public record Pin(String repository, String commit, String ecosystem) {
        /** The folder the fetch script clones it into. */
        public String folder() {
            return repository.replaceFirst("/", "__");
        }
    }

    /** corpus.yml: the pins, in the order they are reported. */
    public record Corpus(List<Pin> repositories) {
    }

    /** What a reader found for one criterion: Met, Unmet, N/A or Unknown (the tool should say ?). */
    public record Label(String expected, String evidence, String note) {
    }

    /** labels/owner__name.yml. */
    public record LabelFile(String repository, String commit, Map<String, Label> labels) {
    }

    /** One compared verdict. */
    public record Comparison(Pin pin, String criterion, Status tool, String expected, String justification,
            String evidence) {

        boolean answered() {
            return tool != Status.UNKNOWN;
        }

        boolean judged() {
            return answered() && expected != null;
        }

        boolean agrees() {
            return judged() && tool.label().equals(expected);
        }

        boolean falseMet() {
            return judged() && tool == Status.MET && !expected.equals("Met");
        }

        boolean falseUnmet() {
            return judged() && tool == Status.UNMET && !expected.equals("Unmet");
        }

        /** The tool said ? where the reader could decide from the checkout. */
        boolean missed() {
            return !answered() && expected != null && !expected.equals("Unknown");
        }
    }

    /** Counts over a group of comparisons. */
    record Tally(int repositories, int criteria, int answered, int judged, int agreed, int falseMet, int falseUnmet,
            int missed) {

        static Tally of(List<Comparison> comparisons) {
            long repos = comparisons.stream().map(c -> c.pin().repository()).distinct().count();
            long criteria = comparisons.stream().map(Comparison::criterion).distinct().count();
            return new Tally((int) repos, (int) criteria, count(comparisons, Comparison::answered),
                    count(comparisons, Comparison::judged), count(comparisons, Comparison::agrees),
                    count(comparisons, Comparison::falseMet), count(comparisons, Comparison::falseUnmet),
                    count(comparisons, Comparison::missed));
        }

        private static int count(List<Comparison> comparisons, java.util.function.Predicate<Comparison> test) {
            return (int) comparisons.stream().filter(test).count();
        }

        /** Share of (repository, passing criterion) pairs answered Met, Unmet or N/A. */
        double coverage() {
            int pairs = comparisons();
            return pairs == 0 ? 0 : 100.0 * answered / pairs;
        }

        int comparisons() {
            return repositories * criteria;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private AccuracyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AccuracyBenchmark CORPUS_DIR [--details]");
            System.exit(2);
        }
        boolean details = List.of(args).contains("--details");
        List<Comparison> comparisons = measure(Path.of(args[0]), System.out);
        print(comparisons, details, System.out);
    }

    /** The pins of src/test/resources/accuracy/corpus.yml. */
    public static Corpus corpus() throws IOException {
        try (InputStream in = resource("corpus.yml")) {
            return YAML.readValue(in, Corpus.class);
        }
    }

    /** The labels of one pinned repository, or none when nobody has labelled it yet. */
    public static LabelFile labels(Pin pin) throws IOException {
        try (InputStream in = AccuracyBenchmark.class.getResourceAsStream("/accuracy/labels/" + pin.folder() + ".yml")) {
            return in == null ? new LabelFile(pin.repository(), pin.commit(), Map.of()) : YAML.readValue(in, LabelFile.class);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AccuracyBenchmark.class.getResourceAsStream("/accuracy/" + name);
        if (in == null) {
            throw new IOException("no /accuracy/" + name + " on the test class path");
        }
        return in;
    }

    /**
     * Evaluates every pinned repository found under the corpus directory (at the commit checked out there) and
     * compares each passing-level criterion with its label. Repositories not fetched, or checked out at another
     * commit than the pin, are reported on {@code log} and left out: labels describe the pinned commit only.
     */
    public static List<Comparison> measure(Path corpusDir, PrintStream log) throws IOException {
        Assessor assessor = new Assessor(CatalogueLoader.fromClasspath(), Evaluators.ALL);
        List<Criterion> passing = assessor.catalogue().at(Level.PASSING);
        LocalGatherer gatherer = new LocalGatherer(Clock.systemUTC());
        List<Comparison> comparisons = new ArrayList<>();
        for (Pin pin : corpus().repositories()) {
            Path dir = corpusDir.resolve(pin.folder());
            if (!Files.isDirectory(dir)) {
                log.println("skipped " + pin.repository() + ": not fetched (" + dir + ")");
                continue;
            }
            RepositorySnapshot snapshot = gatherer.gather(dir, assessor.wantedFiles(), assessor.needs());
            String head = snapshot.commitSha().isKnown() ? snapshot.commitSha().value() : "";
            if (!head.equals(pin.commit())) {
                log.println("skipped " + pin.repository() + ": checked out at " + head + ", pinned at " + pin.commit());
                continue;
            }
            LabelFile file = labels(pin);
            Assessment assessment = assessor.assess(snapshot);
            for (Criterion criterion : passing) {
                Verdict verdict = assessment.verdict(criterion.id());
                Label label = file.labels().get(criterion.id());
                comparisons.add(new Comparison(pin, criterion.id(), verdict.status(),
                        label == null ? null : label.expected(), verdict.justification(),
                        label == null ? "" : label.evidence()));
            }
            for (String id : file.labels().keySet()) {
                if (passing.stream().noneMatch(c -> c.id().equals(id))) {
                    log.println("warning: " + pin.repository() + " labels " + id + ", not a passing criterion");
                }
            }
        }
        return comparisons;
    }

    static void print(List<Comparison> comparisons, boolean details, PrintStream out) {
        out.println();
        out.println("Overall (passing level; agreement, false Met and false Unmet are shares of the answers that"
                + " have a label):");
        out.println(header("group"));
        out.println(row("all", Tally.of(comparisons)));
        out.println();
        out.println("Per ecosystem:");
        out.println(header("ecosystem"));
        groups(comparisons, c -> c.pin().ecosystem()).forEach((k, v) -> out.println(row(k, Tally.of(v))));
        out.println();
        out.println("Per criterion (only criteria the tool answered or the labels decide):");
        out.println(header("criterion"));
        groups(comparisons, Comparison::criterion).forEach((k, v) -> {
            Tally t = Tally.of(v);
            if (t.answered() > 0 || t.missed() > 0) {
                out.println(row(k, t));
            }
        });
        out.println();
        out.println("Disagreements (tool → label):");
        for (Comparison c : comparisons) {
            if (c.judged() && !c.agrees()) {
                out.println("- " + c.pin().repository() + " " + c.criterion() + ": " + c.tool().label() + " → "
                        + c.expected() + (details ? "  [tool: " + oneLine(c.justification()) + "] [label: "
                        + c.evidence() + "]" : ""));
            }
        }
        if (details) {
            out.println();
            out.println("Missed (tool ? where the label decides):");
            comparisons.stream().filter(Comparison::missed).forEach(c -> out.println("- " + c.pin().repository()
                    + " " + c.criterion() + ": ? → " + c.expected() + "  [label: " + c.evidence() + "]"));
        }
    }

    private static Map<String, List<Comparison>> groups(List<Comparison> comparisons,
            Function<Comparison, String> key) {
        Map<String, List<Comparison>> groups = new TreeMap<>();
        comparisons.forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        return groups;
    }

    private static String header(String first) {
        return "| " + first + " | repos | coverage | answers | labelled answers | agreement | false Met | false Unmet"
                + " | missed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    private static String row(String name, Tally t) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f %% | %d | %d | %s | %s | %s | %d |", name,
                t.repositories(), t.coverage(), t.answered(), t.judged(), share(t.agreed(), t.judged()),
                count(t.falseMet(), t.judged()), count(t.falseUnmet(), t.judged()), t.missed());
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String count(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%d (%.1f %%)", part, 100.0 * part / whole);
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
