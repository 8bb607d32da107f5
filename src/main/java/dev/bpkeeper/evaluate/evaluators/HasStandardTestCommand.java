package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Do the tests run with the ecosystem's standard command (mvn test, npm test, go test ...)? */
public final class HasStandardTestCommand implements Evaluator {
    private static final Pattern TEST_SCRIPT = Pattern.compile("\"test\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MAKE_TARGET = Look.words("^(test|check)\\s*:");
    private static final Pattern CTEST = Look.words("\\b(enable_testing|add_test|include\\s*\\(\\s*CTest)\\b");
    private static final Pattern MESON_TEST = Look.words("^\\s*test\\s*\\(");
    /** Ecosystems whose manifest must say how the tests are wired; the others have a fixed convention. */
    private static final Set<String> READS_MANIFEST = Set.of("npm", "Composer", "Make", "CMake", "Meson");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.ROOT_BUILD, Wanted.WORKFLOWS, Wanted.OTHER_CI);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> tests = Code.testFiles(snapshot.tree());
        List<String> gaps = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Ecosystem.Detected tool : Code.buildTools(snapshot.tree())) {
            if (tool.ecosystem().testCommand().isEmpty()) {
                continue;
            }
            if (READS_MANIFEST.contains(tool.ecosystem().name()) && snapshot.text(tool.manifestPath()).isEmpty()) {
                unread.add(tool.manifestPath());
                continue;
            }
            Optional<String> wired = wiring(snapshot, tool, tests, gaps);
            if (wired.isPresent()) {
                return Finding.met(wired.get(), Look.evidence(snapshot, tool.manifestPath())).proposed();
            }
        }
        for (Workflow workflow : snapshot.workflows()) {
            Optional<String> line = Tool.matchedLine(workflow.allStepText(), Ci.TEST_COMMAND);
            if (line.isPresent()) {
                return Finding.met("The workflow " + workflow.path() + " runs the tests with a standard command (\""
                        + line.get() + "\").", Look.evidence(snapshot, workflow.path())).proposed();
            }
        }
        Optional<Look.Hit> otherCi = Look.findLine(snapshot, Ci.otherCiFiles(snapshot), Ci.TEST_COMMAND);
        if (otherCi.isPresent()) {
            return Finding.met(otherCi.get().path() + " runs the tests with a standard command (line "
                    + otherCi.get().line() + ": \"" + otherCi.get().text() + "\").",
                    Look.evidence(snapshot, otherCi.get().path())).proposed();
        }
        if (!gaps.isEmpty()) {
            return Finding.unmet(String.join(" ", gaps)).proposed();
        }
        if (!unread.isEmpty()) {
            return Finding.unknown(Look.list(unread) + " could not be read, so whether it wires up the standard test"
                    + " command is not known.");
        }
        if (!tests.isEmpty()) {
            return Finding.unmet("The repository has tests (such as " + tests.get(0) + "), but no build tool with a"
                    + " standard test command was recognised.").proposed();
        }
        return Look.absent(snapshot, "No automated tests were found, so no standard command runs them.");
    }

    /** How the ecosystem's standard command reaches the tests, or a sentence in {@code gaps} saying why not. */
    private static Optional<String> wiring(RepositorySnapshot snapshot, Ecosystem.Detected tool, List<String> tests,
                                           List<String> gaps) {
        String name = tool.ecosystem().name();
        String command = "`" + tool.ecosystem().testCommand() + "`";
        String manifest = tool.manifestPath();
        String text = snapshot.text(manifest).orElse("");
        switch (name) {
            case "npm", "Composer" -> {
                Matcher script = TEST_SCRIPT.matcher(text);
                if (script.find() && !script.group(1).contains("no test specified")) {
                    return Optional.of(manifest + " defines the test script, so " + command + " runs the tests (\""
                            + script.group(1) + "\").");
                }
                gaps.add(manifest + " defines no test script, so " + command + " does not run the tests.");
                return Optional.empty();
            }
            case "Make" -> {
                return match(text, MAKE_TARGET, manifest + " has a test target: " + command + " runs the tests.",
                        gaps, manifest + " has no `test` or `check` target.");
            }
            case "CMake" -> {
                return match(text, CTEST, manifest + " registers tests with CTest, so " + command + " runs them.",
                        gaps, manifest + " registers no tests with CTest.");
            }
            case "Meson" -> {
                return match(text, MESON_TEST, manifest + " declares tests, so " + command + " runs them.",
                        gaps, manifest + " declares no tests.");
            }
            default -> {
                if (tests.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of("The tests (such as " + tests.get(0) + ") run with the standard " + name
                        + " command " + command + ".");
            }
        }
    }

    private static Optional<String> match(String text, Pattern pattern, String met, List<String> gaps, String gap) {
        if (pattern.matcher(text).find()) {
            return Optional.of(met);
        }
        gaps.add(gap);
        return Optional.empty();
    }
}
