package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Are compiled executables and build outputs kept out of the repository? */
public final class KeepsBuiltBinariesOutOfTree implements Evaluator {
    /** Build outputs and executables by file ending, after Scorecard's Binary-Artifacts check. */
    private static final Set<String> BINARY_ENDINGS = Set.of("exe", "dll", "so", "dylib", "class", "jar", "war",
            "ear", "pyc", "pyo", "o", "a", "obj", "lib", "elf", "wasm", "whl", "apk", "aar", "dex", "msi", "deb",
            "rpm", "crx", "ocx", "drv", "efi");
    private static final Pattern VERSIONED_LIBRARY = Pattern.compile("(?i).+\\.so(\\.\\d+)+");

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> binaries = binaries(snapshot.tree()).stream().filter(p -> !isBuildWrapper(p)).toList();
        List<String> outsideTestData = binaries.stream().filter(p -> !Code.isFixture(p)).toList();
        if (!outsideTestData.isEmpty()) {
            return Finding.unmet(outsideTestData.size() + " compiled file(s) are committed, such as "
                    + Look.list(outsideTestData.stream().limit(3).toList()) + "; build them in CI instead.",
                    Look.evidence(snapshot, outsideTestData.get(0)));
        }
        if (!binaries.isEmpty()) {
            return Finding.unmet("Compiled files are committed only among test data and examples ("
                    + Look.list(binaries.stream().limit(3).toList()) + (binaries.size() > 3 ? " and "
                    + (binaries.size() - 3) + " more" : "") + "); if the tests need them, document why and answer"
                    + " Met.", Look.evidence(snapshot, binaries.get(0))).proposed();
        }
        if (snapshot.tree().isTruncated()) {
            return Finding.unknown("No compiled files were seen, but the file list is truncated.");
        }
        boolean wrapper = !snapshot.tree().named("gradle-wrapper.jar").isEmpty()
                || !snapshot.tree().named("maven-wrapper.jar").isEmpty();
        return Finding.met("No executables or build outputs (such as .exe, .dll, .so, .class, .jar or .pyc files)"
                + " are committed" + (wrapper ? ", apart from the Maven or Gradle wrapper jar that bootstraps the"
                + " build." : "."));
    }

    /** The Gradle and Maven wrappers' bootstrap jars, which Scorecard accepts too. */
    static boolean isBuildWrapper(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith("gradle/wrapper/gradle-wrapper.jar") || lower.endsWith(".mvn/wrapper/maven-wrapper.jar");
    }

    /** Files with a compiled ending, from the tree's ending index rather than a scan of every path. */
    private static List<String> binaries(dev.bpkeeper.snapshot.FileTree tree) {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (String ending : BINARY_ENDINGS) {
            found.addAll(tree.withExtension(ending));
        }
        // libfoo.so.1.2 ends in a number: its ending is not "so".
        for (String ending : new String[] {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
            tree.withExtension(ending).stream().filter(p -> VERSIONED_LIBRARY.matcher(p).matches()).forEach(found::add);
        }
        return List.copyOf(found);
    }
}
