package dev.bpkeeper.policy;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration in force for one project: the organisation's defaults, overridden key by key by the
 * repository's file (and a sub-project's own file), with every problem found on the way. Whatever was wrong is
 * left out, so the defaults apply to it; nothing here can make an evaluation fail.
 *
 * @param targetLevel the level the check run measures against, when one is configured
 * @param declarations maintainers' answers by catalogue id, each valid for its criterion
 * @param paths the sub-directories evaluated as projects of their own; "" is the repository root
 * @param badgeId the project's entry on bestpractices.dev, when the configuration names it
 * @param files the files that were read, in the order they apply
 */
public record BestPracticesConfig(
        Optional<Level> targetLevel,
        Map<String, Declaration> declarations,
        CheckRunMode checkRun,
        FixupPullRequests fixupPullRequests,
        List<String> paths,
        Optional<Long> badgeId,
        List<String> files,
        List<ConfigProblem> problems) {

    /** No file anywhere: neutral check run on the root, measured against passing, no declarations. */
    public static final BestPracticesConfig DEFAULT = new BestPracticesConfig(Optional.empty(), Map.of(),
            CheckRunMode.NEUTRAL, FixupPullRequests.DEFAULT, List.of(""), Optional.empty(), List.of(), List.of());

    public BestPracticesConfig {
        declarations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(declarations));
        paths = List.copyOf(paths);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /**
     * @param organisation the organisation's defaults, if it has a file
     * @param repository the repository's file, then a sub-project's own file, each overriding the one before
     */
    public static BestPracticesConfig merge(Catalogue catalogue, Optional<ConfigFile> organisation,
                                            List<ConfigFile> repository) {
        return ConfigMerge.merge(catalogue, organisation, repository);
    }

    /** The level gating and the check run's title measure against: passing unless configured. */
    public Level target() {
        return targetLevel.orElse(Level.PASSING);
    }

    /** The maintainers' answers as verdicts, which replace what evaluators say. */
    public Map<String, Verdict> maintainerVerdicts() {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        declarations.forEach((id, d) -> verdicts.put(id, new Verdict(id, d.status(), d.justification(), List.of(),
                Confidence.DECISIVE, "", Verdict.Source.MAINTAINER)));
        return verdicts;
    }

    /** The same configuration with fewer paths (those that turned out not to exist) and the problems saying so. */
    public BestPracticesConfig withPaths(List<String> kept, List<ConfigProblem> more) {
        List<ConfigProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new BestPracticesConfig(targetLevel, declarations, checkRun, fixupPullRequests, kept, badgeId, files,
                all);
    }
}
