package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What kind of code a repository holds: GitHub's language counts when known, file endings otherwise. */
final class Code {
    /** Languages without memory safety, as GitHub's linguist names them. */
    static final Set<String> NATIVE_LANGUAGES = Set.of("C", "C++", "Objective-C", "Objective-C++", "Assembly",
            "Unix Assembly", "Cuda");
    static final Set<String> NATIVE_EXTENSIONS = Set.of("c", "h", "cc", "cpp", "cxx", "hpp", "hh", "hxx", "m", "mm",
            "s", "asm");
    /** Languages that run from source, so a project written only in them may have nothing to build. */
    static final Set<String> INTERPRETED_LANGUAGES = Set.of("Python", "Shell", "Ruby", "Perl", "JavaScript", "PHP",
            "Lua", "R", "HTML", "CSS", "PowerShell", "Batchfile", "Tcl", "Emacs Lisp", "Vim Script", "Vim script",
            "Jupyter Notebook", "Dockerfile", "Nix", "HCL", "Jinja", "Smarty", "Awk", "sed");
    static final Set<String> INTERPRETED_EXTENSIONS = Set.of("py", "sh", "bash", "zsh", "rb", "pl", "pm", "js", "mjs",
            "cjs", "php", "lua", "r", "html", "css", "ps1", "bat", "cmd", "tcl", "el", "vim", "ipynb");
    static final Set<String> COMPILED_EXTENSIONS = Set.of("java", "kt", "kts", "scala", "groovy", "clj", "go", "rs",
            "cs", "fs", "vb", "swift", "dart", "ex", "exs", "erl", "hs", "ml", "mli", "jl", "zig", "nim", "cr", "ts",
            "tsx", "jsx", "vue", "svelte", "elm", "f90", "f", "d", "v", "sv", "vhd", "ada", "adb", "pas", "cob", "sol");
    /** Lockfiles: exact versions of every dependency, so that one command fetches the same set everywhere. */
    static final Set<String> LOCKFILES = Set.of("cargo.lock", "go.sum", "package-lock.json", "npm-shrinkwrap.json",
            "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", "poetry.lock", "uv.lock", "pipfile.lock",
            "pdm.lock", "gemfile.lock", "composer.lock", "mix.lock", "pubspec.lock", "package.resolved",
            "gradle.lockfile", "packages.lock.json", "flake.lock", "podfile.lock", "conan.lock", "manifest.toml");
    /** Copies of other projects' code, by the directory names people give them. */
    private static final Set<String> VENDORED = Set.of("vendor", "vendored", "third_party", "third-party",
            "thirdparty", "node_modules", "bower_components", "external", "extern", "deps");
    /** Test data, examples and samples, where odd files are expected (test source sets such as src/test/ too). */
    private static final Set<String> FIXTURES = Set.of("test", "tests", "testdata", "test_data", "test-data",
            "testing", "fixture", "fixtures", "__tests__", "spec", "specs", "example", "examples", "sample",
            "samples", "mock", "mocks");
    private static final Set<String> TEST_DIRECTORIES = Set.of("test", "tests", "__tests__", "spec", "specs");
    /** A test file's own name. Case matters: FooTest.java is a test, Latest.java is not. */
    private static final Pattern TEST_FILE = Pattern.compile(".+_test\\.(go|py|rb|exs|dart|rs|c|cc|cpp)"
            + "|test_.+\\.py|.+(Tests?|IT)\\.(java|kt|scala|groovy|cs|php|swift)|.+_spec\\.rb"
            + "|.+\\.(test|spec)\\.[cm]?[jt]sx?|.+_unittest\\.(cc|cpp)");
    private static final Set<String> NOT_CODE = Set.of("md", "markdown", "rst", "txt", "adoc", "json", "yml",
            "yaml", "xml", "toml", "ini", "cfg", "csv", "png", "jpg", "jpeg", "gif", "svg", "lock", "");

    private Code() {
    }

    /** Whether any directory of the tree is one where copies of other projects are kept; most trees have none. */
    static boolean hasVendoredDirectories(FileTree tree) {
        return tree.directoryNames().stream().anyMatch(VENDORED::contains);
    }

    /** Directories holding copies of other projects (vendor/, third_party/, node_modules/ ...). */
    static boolean isVendored(String path) {
        return vendorRoot(path).isPresent();
    }

    /** The path up to and including the first vendored directory ("libs/third_party/"), if any. */
    static Optional<String> vendorRoot(String path) {
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            if (VENDORED.contains(path.substring(start, slash).toLowerCase(Locale.ROOT))) {
                return Optional.of(path.substring(0, slash + 1));
            }
            start = slash + 1;
        }
        return Optional.empty();
    }

    /** Test data, examples and samples, where odd files are expected. */
    static boolean isFixture(String path) {
        return inDirectory(path, FIXTURES);
    }

    /**
     * Whether a directory on the path has one of the (lower-case) names, or is a test source set such as
     * src/test/ or src/integrationTest/.
     */
    static boolean inDirectory(String path, Set<String> names) {
        int start = 0;
        String previous = "";
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            String directory = path.substring(start, slash).toLowerCase(Locale.ROOT);
            if (names.contains(directory) || previous.equals("src") && directory.contains("test")) {
                return true;
            }
            previous = directory;
            start = slash + 1;
        }
        return false;
    }

    /** Maven/Gradle's production sources: a class named FooTests there is code, not a test. */
    private static boolean isProductionSource(String lowerPath) {
        return lowerPath.startsWith("src/main/") || lowerPath.contains("/src/main/");
    }

    /** The Makefiles at the root, where the build starts (GNU make's two spellings). */
    static List<String> rootMakefiles(FileTree tree) {
        List<String> all = new ArrayList<>(tree.named("makefile"));
        all.addAll(tree.named("gnumakefile"));
        return all.stream().filter(p -> !p.contains("/")).sorted().toList();
    }

    /** The project's own test files (not vendored), by directory and naming conventions; once per tree. */
    static List<String> testFiles(FileTree tree) {
        return tree.derive(Code.class.getName() + ".testFiles", Code::findTestFiles);
    }

    private static List<String> findTestFiles(FileTree tree) {
        List<String> tests = new ArrayList<>();
        boolean vendoredDirectories = hasVendoredDirectories(tree);
        java.util.regex.Matcher testFile = TEST_FILE.matcher("");
        // Directories are far fewer than files: judge each directory once, then only the names in it.
        for (String directory : tree.directories()) {
            String prefix = directory.isEmpty() ? "" : directory + "/";
            if (isProductionSource(prefix) || vendoredDirectories && isVendored(prefix)) {
                continue;
            }
            boolean testDirectory = inDirectory(prefix, TEST_DIRECTORIES);
            for (String path : tree.filesIn(directory)) {
                boolean test = testDirectory || mentionsTest(path) && testFile.reset(FileTree.baseName(path)).matches();
                if (test && !NOT_CODE.contains(FileTree.extension(path))) {
                    tests.add(path);
                }
            }
        }
        java.util.Collections.sort(tests);
        return tests;
    }

    /** A quick first look: every test file's path mentions one of these (some other paths do too). */
    private static boolean mentionsTest(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.contains("test") || lower.contains("spec") || path.contains("IT.");
    }

    /**
     * The native code the snapshot shows and a sentence (without full stop) saying so. {@code certain}: the
     * answer cannot change with what we did not see; {@code fromLanguages}: GitHub's language counts settled it.
     */
    record Native(boolean present, boolean certain, boolean fromLanguages, String description) {
    }

    /**
     * Native (memory-unsafe) code: GitHub's language counts settle it; without them, file endings outside
     * vendored directories are a good guess (".m" may be MATLAB, ".h" a lone header).
     */
    static Native nativeCode(RepositorySnapshot snapshot) {
        Optional<Map<String, Long>> languages = languages(snapshot);
        if (languages.isPresent()) {
            List<String> found = languages.get().keySet().stream().filter(NATIVE_LANGUAGES::contains).sorted().toList();
            return found.isEmpty()
                    ? new Native(false, true, true,
                            "GitHub counts no C, C++, Objective-C or assembly code in the repository")
                    : new Native(true, true, true, "GitHub counts " + Look.list(found) + " code in the repository");
        }
        List<String> files = ownFilesWith(snapshot.tree(), NATIVE_EXTENSIONS);
        if (!files.isEmpty()) {
            return new Native(true, true, false, "The repository has " + files.size()
                    + " C, C++, Objective-C or assembly file(s), such as " + files.get(0));
        }
        return new Native(false, !snapshot.tree().isTruncated(), false,
                "No C, C++, Objective-C or assembly files are in the repository");
    }

    /**
     * The answer when there is no native code: N/A (decisive when GitHub's language counts say so), or Unknown
     * when a truncated tree may hide some. Empty when native code is present.
     *
     * @param consequence what follows, e.g. "so there is no memory-unsafe code to test"
     */
    static Optional<Finding> withoutNativeCode(Native code, String consequence) {
        if (code.present()) {
            return Optional.empty();
        }
        if (!code.certain()) {
            return Optional.of(Finding.unknown(code.description() + " among the files seen, but the file list is"
                    + " truncated."));
        }
        Finding notApplicable = Finding.notApplicable(code.description() + ", " + consequence + ".");
        return Optional.of(code.fromLanguages() ? notApplicable : notApplicable.proposed());
    }

    /**
     * Why the repository holds no code at all, when the snapshot shows that positively: GitHub counts no
     * language, or (without counts) files exist and none has a source-code ending.
     */
    static Optional<String> noCode(RepositorySnapshot snapshot) {
        Optional<Map<String, Long>> languages = languages(snapshot);
        if (languages.isPresent()) {
            return languages.get().isEmpty() ? Optional.of("GitHub counts no programming language in the repository")
                    : Optional.empty();
        }
        FileTree tree = snapshot.tree();
        if (tree.isEmpty() || tree.isTruncated() || !ownFilesWith(tree, allSourceExtensions()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("None of the repository's " + tree.size() + " files is source code");
    }

    /**
     * N/A (proposed) when {@link #noCode} says the repository holds no code; empty otherwise.
     *
     * @param consequence what follows, e.g. "so there is no code to analyse"
     */
    static Optional<Finding> withNoCode(RepositorySnapshot snapshot, String consequence) {
        return noCode(snapshot).map(why -> Finding.notApplicable(why + ", " + consequence + ".").proposed());
    }

    /**
     * Why nothing needs building, when no build tool is found and the code (if any) runs from source: no code
     * at all, or only interpreted languages such as Python or shell.
     */
    static Optional<String> nothingToBuild(RepositorySnapshot snapshot) {
        if (!buildTools(snapshot.tree()).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> noCode = noCode(snapshot);
        if (noCode.isPresent()) {
            return noCode;
        }
        Optional<Map<String, Long>> languages = languages(snapshot);
        if (languages.isPresent()) {
            return INTERPRETED_LANGUAGES.containsAll(languages.get().keySet())
                    ? Optional.of("The repository's code (" + Look.list(languages.get().keySet().stream().sorted()
                            .toList()) + ") runs from source") : Optional.empty();
        }
        FileTree tree = snapshot.tree();
        Set<String> compiled = new java.util.HashSet<>(COMPILED_EXTENSIONS);
        compiled.addAll(NATIVE_EXTENSIONS);
        if (tree.isTruncated() || !ownFilesWith(tree, compiled).isEmpty()
                || ownFilesWith(tree, INTERPRETED_EXTENSIONS).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The repository's code is only scripts that run from source");
    }

    /**
     * N/A (proposed) when {@link #nothingToBuild} says why nothing needs building; empty otherwise.
     *
     * @param consequence what follows, e.g. "so nothing needs building"
     */
    static Optional<Finding> withNothingToBuild(RepositorySnapshot snapshot, String consequence) {
        return nothingToBuild(snapshot).map(why -> Finding.notApplicable(why + ", " + consequence + ".").proposed());
    }

    /**
     * The build tools whose manifests are in the tree, root manifests first, leaving out ecosystems that build
     * nothing (a requirements.txt) and manifests among vendored code, examples and test data.
     */
    static List<Ecosystem.Detected> buildTools(FileTree tree) {
        return Ecosystem.detectAnywhere(tree).stream()
                .filter(d -> !d.ecosystem().buildCommand().isEmpty() && !isFixture(d.manifestPath()))
                .sorted(java.util.Comparator.comparingInt(d -> d.manifestPath().split("/").length))
                .toList();
    }

    /** "Maven (pom.xml) and npm (web/package.json)" */
    static String describe(List<Ecosystem.Detected> tools) {
        return Look.list(tools.stream().map(d -> d.ecosystem().name() + " (" + d.manifestPath() + ")").toList());
    }

    /** The project's own lockfiles (not vendored, not test data), shallowest first. */
    static List<String> lockfiles(FileTree tree) {
        return LOCKFILES.stream().flatMap(name -> tree.named(name).stream()).sorted()
                .filter(p -> !isVendored(p) && !isFixture(p))
                .sorted(java.util.Comparator.comparingInt(p -> p.split("/").length)).toList();
    }

    static Optional<Map<String, Long>> languages(RepositorySnapshot snapshot) {
        return snapshot.metadata().languages().isKnown() ? Optional.of(snapshot.metadata().languages().value())
                : Optional.empty();
    }

    private static Set<String> allSourceExtensions() {
        Set<String> all = new java.util.HashSet<>(COMPILED_EXTENSIONS);
        all.addAll(NATIVE_EXTENSIONS);
        all.addAll(INTERPRETED_EXTENSIONS);
        return all;
    }

    private static List<String> ownFilesWith(FileTree tree, Set<String> extensions) {
        return tree.withAnyExtension(extensions).stream().filter(p -> !isVendored(p)).toList();
    }
}
