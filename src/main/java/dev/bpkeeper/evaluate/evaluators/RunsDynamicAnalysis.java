package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Is the software exercised by a dynamic analysis tool: a fuzzer, a web scanner or a run-time checker? */
public final class RunsDynamicAnalysis implements Evaluator {
    /** Fuzz targets live in fuzz/ or similar directories, or are named so (fuzz_parser.c, ParserFuzzer.java). */
    private static final Set<String> FUZZ_DIRECTORIES = Set.of("fuzz", "fuzzing", "fuzzer", "fuzzers", "fuzztest",
            "fuzztests");
    /** fuzz_parser.c, parser_fuzzer.cc, ParserFuzzer.java, fuzz_test.go, but not FuzzyMatcher.java. */
    private static final Pattern FUZZ_NAME = Pattern.compile("(([^/]*[^A-Za-z/])?fuzz|[^/]*Fuzz)(er|ers|ing|test|Test"
            + "|target|Target)?([^a-z/][^/]*)?");
    private static final Set<String> SOURCE_ENDINGS = Set.of("c", "cc", "cpp", "cxx", "java", "kt", "py", "rs", "go",
            "js", "ts", "swift");

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.WANTED;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<Tool> tools = new ArrayList<>(Tools.DYNAMIC_ANALYSIS);
        tools.addAll(Tools.MEMORY_CHECKERS);
        List<Tool.Sighting> sightings = Tool.findAll(snapshot, tools);
        Optional<Tool.Sighting> inCi = sightings.stream().filter(Tool.Sighting::inCi).findFirst();
        if (inCi.isPresent()) {
            Tool.Sighting seen = inCi.get();
            return Finding.met(Tool.capitalise(seen.where()) + " runs " + seen.tool().name()
                    + seen.workflow().map(w -> " " + Tool.triggers(w)).orElse(" in CI") + ".",
                    Look.evidence(snapshot, seen.path())).proposed();
        }
        if (!sightings.isEmpty()) {
            return Finding.met(sightings.get(0).tool().name() + " is set up in " + sightings.get(0).where()
                    + "; confirm that it runs before releases.", Look.evidence(snapshot, sightings.get(0).path()))
                    .proposed();
        }
        if (snapshot.tree().hasDirectory(".clusterfuzzlite")) {
            return Finding.met("ClusterFuzzLite is configured in .clusterfuzzlite/; confirm that it runs before"
                    + " releases.", Look.evidence(snapshot, ".clusterfuzzlite")).proposed();
        }
        List<String> targets = snapshot.tree().derive(RunsDynamicAnalysis.class.getName() + ".targets",
                RunsDynamicAnalysis::fuzzTargets);
        if (!targets.isEmpty()) {
            return Finding.met("The repository has " + targets.size() + " fuzz target(s), such as " + targets.get(0)
                    + "; confirm that they are run (for example by OSS-Fuzz) before releases.",
                    Look.evidence(snapshot, targets.get(0))).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is nothing to run under analysis");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        // The criterion asks for analysis before each release, which a maintainer or an outside service (OSS-Fuzz is
        // configured in its own repository) can do without a trace in this one: finding nothing is not a "no".
        return Finding.unknown("No fuzzing, web application scanning or run-time checking (sanitizers, Valgrind) was"
                + " found in the workflows, CI configuration, build files or file names. Dynamic analysis run outside"
                + " the repository (by hand before a release, or by a service such as OSS-Fuzz) would not show here;"
                + " say how it is done before releases." + (snapshot.tree().isTruncated()
                        ? " The file list is also truncated, so a fuzz target may be where we did not look." : ""));
    }

    /**
     * Every fuzz target has "fuzz" in its path. When no directory has it in its name, only file names need looking
     * at, and the tree finds those in one search of all its names.
     */
    private static List<String> fuzzTargets(FileTree tree) {
        boolean fuzzDirectories = tree.directoryNames().stream().anyMatch(d -> d.contains("fuzz"));
        List<String> candidates = fuzzDirectories ? tree.withAnyExtension(SOURCE_ENDINGS)
                : tree.withNameContaining("fuzz");
        return candidates.stream().filter(p -> p.toLowerCase(Locale.ROOT).contains("fuzz") && isFuzzTarget(p))
                .sorted().toList();
    }

    /** Judged by location and name only: a fuzz target's contents are not read. */
    private static boolean isFuzzTarget(String path) {
        String ending = FileTree.extension(path);
        if (!SOURCE_ENDINGS.contains(ending) || Code.isVendored(path)) {
            return false;
        }
        String name = FileTree.baseName(path);
        return Code.inDirectory(path, FUZZ_DIRECTORIES)
                || FUZZ_NAME.matcher(name.substring(0, name.length() - ending.length() - 1)).matches();
    }
}
