package dev.bpkeeper.gather;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.policy.BestPracticesConfig;
import dev.bpkeeper.policy.ConfigFile;
import dev.bpkeeper.policy.ConfigKeys;
import dev.bpkeeper.policy.ConfigProblem;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration in force for a project, read from its snapshot: the organisation's defaults and the
 * repository's file came with the rest of the snapshot, so reading them costs no request.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    /** For the repository itself. */
    public static BestPracticesConfig read(Catalogue catalogue, RepositorySnapshot repository) {
        Optional<ConfigFile> own = file(repository);
        return existingPaths(BestPracticesConfig.merge(catalogue, organisation(repository), own.stream().toList()),
                repository, own.map(f -> f.lineOf(ConfigKeys.PATHS)).orElse(0));
    }

    /**
     * For a project in a sub-directory: the repository's file, then the sub-directory's own
     * {@code .github/openssf-best-practices.yml} if it has one.
     */
    public static BestPracticesConfig read(Catalogue catalogue, RepositorySnapshot repository,
                                           RepositorySnapshot project) {
        List<ConfigFile> files = new ArrayList<>();
        file(repository).ifPresent(files::add);
        boolean ownFile = project.tree().find(ConfigKeys.REPOSITORY_FILE)
                .map(p -> !project.tree().repositoryPath(p).equals(p)).orElse(false);
        if (ownFile) {
            file(project).ifPresent(files::add);
        }
        BestPracticesConfig config = BestPracticesConfig.merge(catalogue, organisation(repository), files);
        // The repository's own paths are checked once more so that every project's check run shows their problems.
        return config.withPaths(config.paths(), read(catalogue, repository).problems().stream()
                .filter(p -> p.key().equals(ConfigKeys.PATHS) && !config.problems().contains(p)).toList());
    }

    /** A path that is not a directory at this commit is skipped: there is no project there to evaluate. */
    private static BestPracticesConfig existingPaths(BestPracticesConfig config, RepositorySnapshot repository,
                                                     int line) {
        List<String> kept = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (String path : config.paths()) {
            if (path.isEmpty() || repository.tree().paths().stream().anyMatch(p -> p.startsWith(path + "/"))) {
                kept.add(path);
            } else {
                problems.add(new ConfigProblem(ConfigKeys.REPOSITORY_FILE, line, ConfigKeys.PATHS, "`" + path
                        + "` is not a directory of the repository at this commit; skipped"));
            }
        }
        // With no project left, the repository's own check run is where the problem shows.
        return config.withPaths(kept.isEmpty() ? List.of("") : kept, problems);
    }

    private static Optional<ConfigFile> file(RepositorySnapshot snapshot) {
        return snapshot.tree().find(ConfigKeys.REPOSITORY_FILE).map(path -> {
            String shown = snapshot.tree().repositoryPath(path);
            return snapshot.text(path).map(text -> ConfigParser.parse(shown, text))
                    .orElseGet(() -> ConfigFile.empty(shown, List.of(new ConfigProblem(shown, 0, "",
                            "could not be read (not UTF-8 text, or larger than 256 KB); the defaults apply"))));
        });
    }

    private static Optional<ConfigFile> organisation(RepositorySnapshot snapshot) {
        if (!snapshot.orgContents().isKnown()) {
            return Optional.empty();
        }
        Map<String, String> contents = snapshot.orgContents().value();
        String owner = snapshot.metadata().fullName().orElse(snapshot.name()).split("/")[0];
        String shown = owner + "/" + ConfigKeys.ORGANISATION_REPOSITORY + ": " + ConfigKeys.ORGANISATION_FILE;
        return Optional.ofNullable(contents.get(ConfigKeys.ORGANISATION_FILE)).map(t -> ConfigParser.parse(shown, t));
    }
}
