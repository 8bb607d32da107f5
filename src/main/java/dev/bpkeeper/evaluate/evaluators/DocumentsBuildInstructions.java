package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the documentation explain how to build the software, including the libraries and tools it needs? */
public final class DocumentsBuildInstructions extends DocumentedTopic implements Evaluator {

    public DocumentsBuildInstructions() {
        super(Topic.of("how to build the software")
                .files(doc("building|build[-_]instructions|compiling|hacking|development|developing|dev[-_]?setup"
                        + "|developer[-_]guide|install(?:ing)?[-_]from[-_]source"),
                        folder("building|development|developer[-_]guide"))
                .headings("build(?:ing)?(?! status| badge)(?: from source| instructions| the project| locally)?"
                        + "|compil(?:e|ing)(?: from source)?|development (?:setup|environment|guide)|developing"
                        + "|local development|(?:setting up|set up) (?:a |the |your )?(?:dev|development|local)"
                        + " environment|prerequisites|requirements|from source|hacking")
                .phrases("^\\s*(?:\\$\\s*)?(?:\\./)?(?:mvnw?|gradlew?)\\s+(?:[\\w:.=-]+\\s+)*?(?:install|package|build"
                                + "|verify|compile|assemble)\\b",
                        "^\\s*(?:\\$\\s*)?(?:make(?:\\s+\\w+)?\\s*$|cmake\\s|cargo build|go build|npm (?:ci|run build)"
                                + "|npm install\\s*$|yarn build|pnpm (?:run )?build|python -m build|pip install -e"
                                + "|meson (?:setup|compile)|ninja\\b|bazel build|dotnet build|sbt (?:compile|package)"
                                + "|mix compile|swift build|\\./configure|autoreconf)")
                .hints(doc("install(?:ation)?"), "%s explains installation; confirm that it covers building from"
                        + " source and the libraries and tools that needs.")
                .alsoReading(Wanted.DEVELOPMENT_DOCS)
                .missing("No build instructions (a BUILDING or development guide, a build section or build commands)"
                        + " were found"));
    }
}
