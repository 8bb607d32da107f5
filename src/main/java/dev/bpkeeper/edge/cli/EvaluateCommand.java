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
import dev.bpkeeper.snapshot.RepositorySnapshot;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evaluate [PATH] [--format ...]}: gather a local snapshot, assess it with the answers its
 * {@code .github/openssf-best-practices.yml} declares, print one report. The {@code paths} of a monorepo are not
 * followed here: run the command on each sub-directory.
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

    @Spec
    CommandSpec spec;

    @Inject
    Assessor assessor;

    @Inject
    Clock clock;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RepositorySnapshot snapshot;
        try {
            snapshot = new LocalGatherer(clock).gather(path, assessor.wantedFiles(), assessor.needs());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("evaluate: " + e.getMessage());
            return 2;
        }
        // The checkout's own configuration applies as it would on GitHub; its problems go to stderr, not the report.
        BestPracticesConfig config = ConfigReader.read(assessor.catalogue(), snapshot);
        config.problems().forEach(p -> spec.commandLine().getErr().println("configuration: " + p.describe()));
        Assessment assessment = assessor.assess(snapshot, config.maintainerVerdicts());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        switch (format) {
            case text -> out.print(TextReport.render(assessor.catalogue(), assessment));
            case json -> out.println(json.writeValueAsString(AssessmentView.of(assessor.catalogue(), assessment)));
            case bestpractices_json -> out.println(json.writeValueAsString(
                    BestPracticesJson.of(assessor.catalogue(), assessment)));
        }
        out.flush();
        return 0;
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
