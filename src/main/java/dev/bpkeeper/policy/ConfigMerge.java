package dev.bpkeeper.policy;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Scoring;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Repository over organisation, key by key: the last file that sets a key wins, unless the organisation locked
 * it. Declarations are merged per criterion and checked against the catalogue, since only it knows the ids and
 * where N/A is allowed.
 */
final class ConfigMerge {
    private ConfigMerge() {
    }

    static BestPracticesConfig merge(Catalogue catalogue, Optional<ConfigFile> organisation,
                                     List<ConfigFile> repository) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Set<String> locked = organisation.map(ConfigFile::locked).orElse(Set.of());
        String lockedBy = organisation.map(ConfigFile::file).orElse("");
        List<Layer> layers = new ArrayList<>();
        organisation.ifPresent(org -> {
            files.add(org.file());
            problems.addAll(org.problems());
            if (org.sets(ConfigKeys.PATHS)) {
                problems.add(new ConfigProblem(org.file(), org.lineOf(ConfigKeys.PATHS), ConfigKeys.PATHS,
                        "is read only in a repository's own file (paths differ from one repository to the next);"
                                + " ignored"));
            }
            layers.add(new Layer(org, Set.of(ConfigKeys.PATHS)));
        });
        for (int i = 0; i < repository.size(); i++) {
            ConfigFile file = repository.get(i);
            files.add(file.file());
            problems.addAll(file.problems());
            java.util.Set<String> ignored = new java.util.HashSet<>();
            if (file.sets(ConfigKeys.LOCKED)) {
                problems.add(new ConfigProblem(file.file(), file.lineOf(ConfigKeys.LOCKED), ConfigKeys.LOCKED,
                        "is read only in the organisation's file (`" + ConfigKeys.ORGANISATION_FILE + "` in its `"
                                + ConfigKeys.ORGANISATION_REPOSITORY + "` repository); ignored"));
            }
            if (i > 0 && file.sets(ConfigKeys.PATHS)) {
                ignored.add(ConfigKeys.PATHS);
                problems.add(new ConfigProblem(file.file(), file.lineOf(ConfigKeys.PATHS), ConfigKeys.PATHS,
                        "is read only in the repository's `" + ConfigKeys.REPOSITORY_FILE + "`; ignored"));
            } else if (i > 0) {
                ignored.add(ConfigKeys.PATHS);
            }
            for (String key : ConfigKeys.LOCKABLE.stream().sorted(java.util.Comparator.comparingInt(file::lineOf))
                    .toList()) {
                if (locked.contains(key)) {
                    ignored.add(key);
                    if (file.sets(key)) {
                        problems.add(new ConfigProblem(file.file(), file.lineOf(key), key, "is locked by "
                                + lockedBy + "; its value there applies"));
                    }
                }
            }
            layers.add(new Layer(file, ignored));
        }
        Optional<Long> badgeId = badgeId(layers, problems);
        return new BestPracticesConfig(
                last(layers, ConfigKeys.TARGET_LEVEL, ConfigFile::targetLevel),
                declarations(catalogue, layers, problems),
                last(layers, ConfigKeys.CHECK_RUN, ConfigFile::checkRun).orElse(CheckRunMode.NEUTRAL),
                new FixupPullRequests(
                        last(layers, ConfigKeys.FIXUP_PULL_REQUESTS, ConfigFile::fixupEnabled).orElse(true),
                        last(layers, ConfigKeys.FIXUP_PULL_REQUESTS, ConfigFile::fixupFiles)),
                last(layers, ConfigKeys.PATHS, ConfigFile::paths).filter(p -> !p.isEmpty()).orElse(List.of("")),
                badgeId, files, problems);
    }

    /** A file and the keys it may not set (locked by the organisation, or not read at its place). */
    private record Layer(ConfigFile file, Set<String> ignored) {
        boolean may(String key) {
            return !ignored.contains(key);
        }
    }

    private static <T> Optional<T> last(List<Layer> layers, String key, Function<ConfigFile, Optional<T>> value) {
        Optional<T> found = Optional.empty();
        for (Layer layer : layers) {
            if (layer.may(key)) {
                Optional<T> own = value.apply(layer.file());
                if (own.isPresent()) {
                    found = own;
                }
            }
        }
        return found;
    }

    /** badge_id, or the id in project_url; both must then name the same project. */
    private static Optional<Long> badgeId(List<Layer> layers, List<ConfigProblem> problems) {
        Optional<Long> id = last(layers, ConfigKeys.BADGE_ID, ConfigFile::badgeId);
        Optional<Long> fromUrl = last(layers, ConfigKeys.PROJECT_URL, ConfigFile::projectUrl).map(url -> {
            Matcher m = ConfigKeys.PROJECT_URL_PATTERN.matcher(url);
            return m.matches() ? Long.parseLong(m.group(1)) : null;
        });
        if (id.isPresent() && fromUrl.isPresent() && !id.get().equals(fromUrl.get())) {
            ConfigFile where = layers.stream().map(Layer::file).filter(f -> f.sets(ConfigKeys.BADGE_ID))
                    .reduce((a, b) -> b).orElseThrow();
            problems.add(new ConfigProblem(where.file(), where.lineOf(ConfigKeys.BADGE_ID), ConfigKeys.BADGE_ID,
                    id.get() + " and `" + ConfigKeys.PROJECT_URL + "` (project " + fromUrl.get()
                            + ") name different projects; badge_id " + id.get() + " is used"));
        }
        return id.or(() -> fromUrl);
    }

    private static Map<String, Declaration> declarations(Catalogue catalogue, List<Layer> layers,
                                                         List<ConfigProblem> problems) {
        Map<String, Declaration> merged = new LinkedHashMap<>();
        for (Layer layer : layers) {
            if (!layer.may(ConfigKeys.CRITERIA)) {
                continue;
            }
            for (Declaration declaration : layer.file().criteria().values()) {
                Optional<Criterion> criterion = find(catalogue, declaration.id());
                if (criterion.isEmpty()) {
                    problems.add(problem(declaration, declaration.line(), "", "is not a criterion id; use an id"
                            + " from https://www.bestpractices.dev/en/criteria (e.g. `crypto_weaknesses`,"
                            + " `OSPS-AC-01.01`); ignored"));
                    continue;
                }
                if (criterion.get().automation() == dev.bpkeeper.criteria.Automation.COMPUTED) {
                    problems.add(problem(declaration, declaration.line(), "", "is computed from the level below"
                            + " and cannot be declared; ignored"));
                    continue;
                }
                if (declaration.status() == Status.NOT_APPLICABLE
                        && criterion.get().requirements().stream().noneMatch(Requirement::naAllowed)) {
                    problems.add(problem(declaration, declaration.statusLine(), "." + ConfigKeys.STATUS,
                            "N/A is not allowed for this criterion (bestpractices.dev accepts only Met or Unmet for"
                                    + " it); ignored"));
                    continue;
                }
                warnIfNotCounted(criterion.get(), declaration, problems);
                merged.put(criterion.get().id(), declaration);
            }
        }
        return merged;
    }

    /** Upstream's ids, or the OSPS id in any case ("OSPS-AC-01.01"). */
    static Optional<Criterion> find(Catalogue catalogue, String id) {
        return catalogue.find(id).or(() -> catalogue.all().stream()
                .filter(c -> c.displayId().equalsIgnoreCase(id) || c.id().equals(id.toLowerCase(Locale.ROOT)))
                .findFirst());
    }

    /** A declaration bestpractices.dev would not count is kept (it is the maintainers' answer) but explained. */
    private static void warnIfNotCounted(Criterion criterion, Declaration declaration, List<ConfigProblem> problems) {
        if (declaration.status() == Status.UNMET) {
            return;
        }
        Verdict verdict = new Verdict(criterion.id(), declaration.status(), declaration.justification(), List.of(),
                Confidence.DECISIVE, "", Verdict.Source.MAINTAINER);
        for (Requirement requirement : criterion.requirements()) {
            if (!Scoring.counts(requirement, verdict)) {
                String needs = declaration.status() == Status.MET && requirement.metUrlRequired()
                        ? "a URL (https://...) in the justification" : "a justification of at least 5 characters";
                problems.add(problem(declaration, declaration.justificationLine(), "." + ConfigKeys.JUSTIFICATION,
                        "does not count at " + requirement.level().key() + ": bestpractices.dev needs " + needs
                                + " for " + declaration.status().label() + " here"));
                return;
            }
        }
    }

    private static ConfigProblem problem(Declaration declaration, int line, String subKey, String message) {
        return new ConfigProblem(declaration.file(), line,
                ConfigKeys.CRITERIA + "." + declaration.id() + subKey, message);
    }
}
