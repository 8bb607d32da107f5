package dev.bpkeeper.policy;

import dev.bpkeeper.criteria.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one configuration file says: only the keys it sets, each already checked for its type and allowed values
 * (a wrong value is left out and reported, so that the default or the organisation's value applies).
 *
 * @param file where the file is, as problems name it
 * @param lines the line of each top-level key the file sets
 * @param locked top-level keys that files read after this one may not change (an organisation's file only)
 * @param problems what was wrong in this file
 */
public record ConfigFile(
        String file,
        Map<String, Integer> lines,
        Optional<Level> targetLevel,
        Map<String, Declaration> criteria,
        Optional<CheckRunMode> checkRun,
        Optional<Boolean> fixupEnabled,
        Optional<List<String>> fixupFiles,
        Optional<List<String>> paths,
        Optional<String> projectUrl,
        Optional<Long> badgeId,
        Set<String> locked,
        List<ConfigProblem> problems) {

    public ConfigFile {
        lines = Map.copyOf(lines);
        criteria = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
        fixupFiles = fixupFiles.map(List::copyOf);
        paths = paths.map(List::copyOf);
        locked = Set.copyOf(locked);
        problems = List.copyOf(problems);
    }

    /** A file that sets nothing (absent, empty, or unreadable: its problems say which). */
    public static ConfigFile empty(String file, List<ConfigProblem> problems) {
        return new ConfigFile(file, Map.of(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), problems);
    }

    public boolean sets(String key) {
        return lines.containsKey(key);
    }

    public int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }
}
