package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Is the coding style checked automatically, by CI, the build or commit hooks? */
public final class EnforcesCodingStyle implements Evaluator {
    /** Formatter settings: they show a style is chosen, not that anything checks it. */
    private static final Pattern STYLE_CONFIG = Pattern.compile("\\.prettierrc(\\.(json5?|ya?ml|toml|[cm]?[jt]s))?|prettier\\.config\\.[cm]?js"
            + "|\\.?rustfmt\\.toml|\\.clang-format|\\.editorconfig|\\.scalafmt\\.conf|\\.php-cs-fixer(\\.dist)?\\.php"
            + "|\\.swiftformat|\\.style\\.yapf|\\.isort\\.cfg|\\.jsbeautifyrc|biome\\.jsonc?|\\.stylelintrc(\\.(json|ya?ml|[cm]?js))?");
    /** Build files where a style plugin runs as part of the build itself. */
    private static final Pattern ENFORCING_BUILD = Pattern.compile("pom\\.xml|build\\.gradle(\\.kts)?|build\\.sbt"
            + "|\\.pre-commit-config\\.yaml");

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
        List<Tool.Sighting> sightings = Tool.findAll(snapshot, Tools.STYLE_CHECKERS);
        Optional<Tool.Sighting> enforced = sightings.stream().filter(s -> s.inCi() || s.place() == Tool.Place.BUILD_FILE
                && ENFORCING_BUILD.matcher(s.path().toLowerCase(Locale.ROOT)).matches()).findFirst();
        if (enforced.isPresent()) {
            return Finding.met(sentence(enforced.get()), Look.evidence(snapshot, enforced.get().path())).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is no coding style to check");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        Optional<String> configured = sightings.stream().map(Tool.Sighting::path).findFirst()
                .or(() -> snapshot.tree().withName(STYLE_CONFIG).stream()
                        .filter(p -> !Code.isVendored(p)).findFirst());
        if (configured.isPresent()) {
            return Finding.unmet("A style is configured (" + configured.get() + "), but no CI job, build step or"
                    + " commit hook was seen checking it.", Look.evidence(snapshot, configured.get())).proposed();
        }
        return Look.absent(snapshot, "No formatter or style checker was found in the workflows, CI configuration,"
                + " build files or commit hooks.").proposed();
    }

    private static String sentence(Tool.Sighting seen) {
        String tool = seen.tool().name();
        if (seen.workflow().isPresent()) {
            return Tool.capitalise(seen.where()) + " checks the coding style with " + tool + " "
                    + Tool.triggers(seen.workflow().get()) + ".";
        }
        if (seen.inCi()) {
            return Tool.capitalise(seen.where()) + " checks the coding style with " + tool + ".";
        }
        if (seen.path().endsWith(".pre-commit-config.yaml")) {
            return "The pre-commit hooks in " + seen.path() + " check the coding style with " + tool
                    + " before each commit.";
        }
        return tool + " checks the coding style as part of the build (" + seen.path() + ").";
    }
}
