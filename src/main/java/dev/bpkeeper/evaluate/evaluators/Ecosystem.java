package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.FileTree;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A build and dependency ecosystem recognised by its manifest file.
 *
 * @param name how people call it ("Maven", "npm")
 * @param manifest the lower-case file name that reveals it
 * @param floss whether its build tool is free software
 * @param buildCommand the ecosystem's usual build command
 * @param testCommand the ecosystem's usual test command, empty when there is no convention
 * @param dependabot Dependabot's package-ecosystem value, empty when Dependabot does not support it
 * @param declaresDependencies whether the manifest lists dependencies in a machine-readable way
 * @param dependencyAware whether the tool builds subprojects in dependency order (no recursive make)
 */
public record Ecosystem(
        String name,
        Pattern manifest,
        boolean floss,
        String buildCommand,
        String testCommand,
        String dependabot,
        boolean declaresDependencies,
        boolean dependencyAware) {

    private static Ecosystem of(String name, String manifestRegex, String build, String test, String dependabot,
                                boolean declaresDependencies, boolean dependencyAware) {
        return new Ecosystem(name, Pattern.compile(manifestRegex), true, build, test, dependabot,
                declaresDependencies, dependencyAware);
    }

    /** Known ecosystems, most specific first (a Gradle project with a Makefile is a Gradle project). */
    public static final List<Ecosystem> KNOWN = List.of(
            of("Maven", "pom\\.xml", "mvn -B package", "mvn -B test", "maven", true, true),
            of("Gradle", "build\\.gradle(\\.kts)?|settings\\.gradle(\\.kts)?", "./gradlew build", "./gradlew test",
                    "gradle", true, true),
            of("sbt", "build\\.sbt", "sbt compile", "sbt test", "", true, true),
            of("Cargo", "cargo\\.toml", "cargo build", "cargo test", "cargo", true, true),
            of("Go modules", "go\\.mod", "go build ./...", "go test ./...", "gomod", true, true),
            of("npm", "package\\.json", "npm ci", "npm test", "npm", true, true),
            of("Python", "pyproject\\.toml|setup\\.py|setup\\.cfg", "python -m build", "pytest", "pip", true, true),
            of("pip requirements", "requirements(-[a-z]+)?\\.txt|pipfile", "", "pytest", "pip", true, false),
            of(".NET", ".+\\.(csproj|fsproj|vbproj|sln)", "dotnet build", "dotnet test", "nuget", true, true),
            of("Bundler", "gemfile|.+\\.gemspec", "bundle install", "bundle exec rake test", "bundler", true, true),
            of("Composer", "composer\\.json", "composer install", "composer test", "composer", true, true),
            of("Mix", "mix\\.exs", "mix compile", "mix test", "mix", true, true),
            of("Swift Package Manager", "package\\.swift", "swift build", "swift test", "swift", true, true),
            of("Dart pub", "pubspec\\.yaml", "dart pub get", "dart test", "pub", true, true),
            of("Bazel", "module\\.bazel|workspace(\\.bazel)?", "bazel build //...", "bazel test //...", "bazel",
                    true, true),
            // Xcode needs Apple's proprietary toolchain; found through the project file inside *.xcodeproj/.
            new Ecosystem("Xcode", Pattern.compile("project\\.pbxproj"), false, "xcodebuild", "xcodebuild test", "",
                    false, true),
            of("Cabal", ".+\\.cabal|cabal\\.project|stack\\.yaml", "cabal build", "cabal test", "", true, true),
            of("Dune", "dune-project", "dune build", "dune test", "", true, true),
            of("Leiningen", "project\\.clj", "lein uberjar", "lein test", "", true, true),
            of("Clojure CLI", "deps\\.edn", "clojure -T:build", "clojure -X:test", "", true, true),
            of("rebar3", "rebar\\.config", "rebar3 compile", "rebar3 eunit", "", true, true),
            of("Zig", "build\\.zig", "zig build", "zig build test", "", false, true),
            of("Perl", "makefile\\.pl|build\\.pl|cpanfile", "perl Makefile.PL && make", "prove -l", "", true, false),
            of("Julia", "project\\.toml", "julia --project -e 'using Pkg; Pkg.instantiate()'",
                    "julia --project -e 'using Pkg; Pkg.test()'", "", true, true),
            of("SCons", "sconstruct", "scons", "scons test", "", false, true),
            of("Meson", "meson\\.build", "meson setup build && meson compile -C build", "meson test -C build", "",
                    false, true),
            of("CMake", "cmakelists\\.txt", "cmake -B build && cmake --build build", "ctest --test-dir build", "",
                    false, true),
            of("Autotools", "configure\\.ac|configure\\.in", "./configure && make", "make check", "", false, false),
            of("Ant", "build\\.xml", "ant", "ant test", "", false, false),
            of("Make", "makefile|gnumakefile", "make", "make test", "", false, false));

    /** Every manifest name of every ecosystem, so that one pass over a large tree's names finds them all. */
    private static final Pattern ANY_MANIFEST = Pattern.compile(String.join("|", KNOWN.stream()
            .map(e -> "(?:" + e.manifest.pattern() + ")").toList()));

    /** The ecosystems whose manifest is at the root of the tree, in {@link #KNOWN} order. */
    public static List<Detected> detect(FileTree tree) {
        List<Detected> found = new ArrayList<>();
        for (Ecosystem ecosystem : KNOWN) {
            tree.filesIn("").stream()
                    .filter(p -> ecosystem.manifest.matcher(p.toLowerCase(java.util.Locale.ROOT)).matches())
                    .findFirst().ifPresent(p -> found.add(new Detected(ecosystem, p)));
        }
        return found;
    }

    /**
     * Anywhere in the tree (monorepos keep manifests in subdirectories), outside vendored code; the shallowest
     * manifest per ecosystem.
     */
    public static List<Detected> detectAnywhere(FileTree tree) {
        List<String> candidates = tree.withName(ANY_MANIFEST);
        List<Detected> found = new ArrayList<>();
        for (Ecosystem ecosystem : KNOWN) {
            candidates.stream()
                    .filter(p -> ecosystem.manifest.matcher(FileTree.baseName(p).toLowerCase(java.util.Locale.ROOT))
                            .matches() && !isVendored(p))
                    .min((a, b) -> Integer.compare(FileTree.depth(a), FileTree.depth(b)))
                    .ifPresent(p -> found.add(new Detected(ecosystem, p)));
        }
        return found;
    }

    static boolean isVendored(String path) {
        return path.matches("(?i)(.*/)?(vendor|third[_-]party|node_modules|external|deps)/.*");
    }

    /** An ecosystem found at a path. */
    public record Detected(Ecosystem ecosystem, String manifestPath) {
        public String directory() {
            String dir = FileTree.directoryOf(manifestPath);
            return dir.isEmpty() ? "/" : "/" + dir;
        }
    }
}
