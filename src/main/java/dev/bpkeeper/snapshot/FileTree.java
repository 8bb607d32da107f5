package dev.bpkeeper.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every file path of the repository at one commit ('/'-separated, relative, no leading slash), with sizes.
 * Indexed once so that evaluators can ask by name without scanning the whole tree each time.
 * A truncated tree (GitHub gives up above ~100k entries) cannot prove that a file is absent.
 */
public final class FileTree {
    private final List<String> paths;
    private final Map<String, Long> sizes;
    private final boolean truncated;
    private final Map<String, String> byLowerPath = new HashMap<>();
    private final Map<String, List<String>> byLowerName = new HashMap<>();
    private final Set<String> lowerDirectories = new HashSet<>();
    private final Map<String, Integer> extensionCounts = new HashMap<>();

    private FileTree(Map<String, Long> pathSizes, boolean truncated) {
        TreeMap<String, Long> sorted = new TreeMap<>(pathSizes);
        this.paths = List.copyOf(sorted.keySet());
        this.sizes = Collections.unmodifiableMap(sorted);
        this.truncated = truncated;
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT);
            byLowerPath.putIfAbsent(lower, path);
            byLowerName.computeIfAbsent(baseName(lower), k -> new ArrayList<>(1)).add(path);
            for (int slash = lower.indexOf('/'); slash >= 0; slash = lower.indexOf('/', slash + 1)) {
                lowerDirectories.add(lower.substring(0, slash));
            }
            extensionCounts.merge(extension(lower), 1, Integer::sum);
        }
    }

    public static FileTree of(Map<String, Long> pathSizes, boolean truncated) {
        return new FileTree(pathSizes, truncated);
    }

    public static FileTree empty() {
        return new FileTree(Map.of(), false);
    }

    public boolean isTruncated() {
        return truncated;
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public int size() {
        return paths.size();
    }

    /** All paths, sorted. */
    public List<String> paths() {
        return paths;
    }

    public long sizeOf(String path) {
        return sizes.getOrDefault(path, -1L);
    }

    /** The path as stored, looked up without regard to case. */
    public Optional<String> find(String path) {
        return Optional.ofNullable(byLowerPath.get(path.toLowerCase(Locale.ROOT)));
    }

    /** The first of the candidate paths that exists (case-insensitive), in the candidates' order. */
    public Optional<String> findFirst(List<String> candidates) {
        for (String candidate : candidates) {
            Optional<String> found = find(candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Paths whose lower-case file name (last segment) satisfies the test, sorted. */
    public List<String> withName(Predicate<String> lowerCaseName) {
        List<String> result = new ArrayList<>();
        byLowerName.forEach((name, list) -> {
            if (lowerCaseName.test(name)) {
                result.addAll(list);
            }
        });
        Collections.sort(result);
        return result;
    }

    /** Paths whose whole path matches the pattern, sorted. */
    public List<String> matching(Pattern pattern) {
        List<String> result = new ArrayList<>();
        for (String path : paths) {
            if (pattern.matcher(path).matches()) {
                result.add(path);
            }
        }
        return result;
    }

    public boolean hasDirectory(String directory) {
        return lowerDirectories.contains(directory.toLowerCase(Locale.ROOT));
    }

    /** How many files end in the given lower-case extension (without the dot; "" for none). */
    public int countWithExtension(String extension) {
        return extensionCounts.getOrDefault(extension, 0);
    }

    public static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String extension(String lowerPath) {
        String name = baseName(lowerPath);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }
}
