package dev.bpkeeper.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.report.BestPracticesJson;
import dev.bpkeeper.act.report.TextReport;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.gather.ConfigReader;
import dev.bpkeeper.gather.LocalGatherer;
import dev.bpkeeper.policy.BestPracticesConfig;
import dev.bpkeeper.policy.ConfigKeys;
import dev.bpkeeper.policy.ConfigProblem;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.text.Untrusted;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evaluate [PATH] [--format ...]}: gather a local snapshot, assess it with the answers its
 * {@code .github/openssf-best-practices.yml} declares, print the report. A monorepo's {@code paths} are followed
 * as the app follows them: one report per project (a section each in text, an object keyed by path in JSON), or the
 * one chosen with {@code --path}; a {@code .bestpractices.json} describes one project, so it needs that choice.
 */
@Dependent
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a directory or git checkout against the OpenSSF Best Practices criteria.",
        exitCodeOnInvalidInput = 2)
public class EvaluateCommand implements Callable<Integer> {

    /** Output formats; {@code bestpractices-json} is the file bestpractices.dev reads. */
    public enum Format {
        text, json, bestpractices_json
    }

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "Directory to evaluate (default: .)")
    Path path;

    @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class,
            description = "text, json or bestpractices-json (default: text)")
    Format format;

    @Option(names = "--path", paramLabel = "P",
            description = "Only the project at P, one of the paths the configuration lists (. is the root)")
    String projectPath;

    @Spec
    CommandSpec spec;

    @Inject
    Assessor assessor;

    @Inject
    Clock clock;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalGatherer gatherer = new LocalGatherer(clock);
        RepositorySnapshot root;
        try {
            root = gatherer.gather(path, assessor.wantedFiles(), assessor.needs());
        } catch (IllegalArgumentException e) {
            err.println(Untrusted.forTerminal("evaluate: " + e.getMessage()));
            return 2;
        }
        // The checkout's own configuration applies as it would on GitHub; its problems go to stderr, not the report.
        BestPracticesConfig config = ConfigReader.read(assessor.catalogue(), root);
        Set<ConfigProblem> problems = new LinkedHashSet<>();
        report(problems, config);
        List<String> chosen = config.paths();
        if (projectPath != null) {
            String wanted = normalised(projectPath);
            if (!config.paths().contains(wanted)) {
                err.println(Untrusted.forTerminal("evaluate: --path " + projectPath + " is not a project of " + path
                        + "; its projects: " + shown(config.paths()) + " (from paths in " + ConfigKeys.REPOSITORY_FILE
                        + ")"));
                return 2;
            }
            chosen = List.of(wanted);
        } else if (format == Format.bestpractices_json && chosen.size() > 1) {
            err.println(Untrusted.forTerminal("evaluate: " + path + " configures several projects (" + shown(chosen)
                    + "), and a .bestpractices.json describes one: choose it with --path, e.g. --path "
                    + shown(chosen.get(0))));
            return 2;
        }
        Map<String, Assessment> assessments = new LinkedHashMap<>();
        for (String project : chosen) {
            RepositorySnapshot snapshot = project.isEmpty() ? root
                    : gatherer.gatherProject(path, root, project, assessor.wantedFiles());
            BestPracticesConfig own = project.isEmpty() ? config
                    : ConfigReader.read(assessor.catalogue(), root, snapshot);
            report(problems, own);
            assessments.put(shown(project), assessor.assess(snapshot, own.maintainerVerdicts()));
        }
        // Without paths (or with one chosen), the output is exactly one project's, as it always was.
        boolean single = assessments.size() == 1 && (projectPath != null || config.paths().equals(List.of("")));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        switch (format) {
            // Text quotes the repository's own files: what they carry is printed, never obeyed by the terminal.
            case text -> out.print(Untrusted.forTerminal(assessments.values().stream()
                    .map(a -> TextReport.render(assessor.catalogue(), a)).collect(Collectors.joining("\n"))));
            case json -> {
                Map<String, AssessmentView> views = new LinkedHashMap<>();
                assessments.forEach((project, a) -> views.put(project, AssessmentView.of(assessor.catalogue(), a)));
                out.println(json.writeValueAsString(single ? views.values().iterator().next() : views));
            }
            case bestpractices_json -> out.println(json.writeValueAsString(
                    BestPracticesJson.of(assessor.catalogue(), assessments.values().iterator().next())));
        }
        out.flush();
        return 0;
    }

    /** Each configuration problem once, on stderr (a sub-project's configuration repeats the repository's). */
    private void report(Set<ConfigProblem> reported, BestPracticesConfig config) {
        config.problems().stream().filter(reported::add)
                .forEach(p -> spec.commandLine().getErr().println(Untrusted.forTerminal("configuration: "
                        + p.describe())));
    }

    /** As the configuration file writes paths: "services/api/" and "./services/api" are "services/api". */
    static String normalised(String projectPath) {
        String normal = projectPath.strip().replace('\\', '/').replaceAll("/+", "/").replaceAll("^\\./", "")
                .replaceAll("/$", "");
        return normal.equals(".") ? "" : normal;
    }

    private static String shown(String project) {
        return project.isEmpty() ? "." : project;
    }

    private static String shown(List<String> projects) {
        return projects.stream().map(EvaluateCommand::shown).collect(Collectors.joining(", "));
    }

    /** Accepts the documented spelling with a dash. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format; use text, json or bestpractices-json");
            }
        }
    }
}
