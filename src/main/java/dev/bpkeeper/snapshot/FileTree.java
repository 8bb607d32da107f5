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
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every file path of the repository at one commit ('/'-separated, relative, no leading slash), with sizes.
 * Indexed once so that evaluators can ask by name without scanning the whole tree each time.
 * A truncated tree (GitHub gives up above ~100k entries) cannot prove that a file is absent.
 */
public final class FileTree {
    private final List<String> paths;
    /** The size of each path, in the order of {@link #paths}. */
    private final long[] sizes;
    private final boolean truncated;
    private final Map<String, String> byLowerPath;
    private final Map<String, List<String>> byLowerName;
    private final Set<String> lowerDirectories = new HashSet<>();
    /** The lower-case names (last segment) of every directory. */
    private final Set<String> lowerDirectoryNames = new HashSet<>();
    /**
     * Every lower-case file name, each after a '\n': searching one string for a part of a name is far quicker
     * than testing each name of a large tree.
     */
    private final String joinedLowerNames;
    private final Map<String, List<String>> byExtension = new HashMap<>();
    /** Files below each lower-case top-level directory (at any depth). */
    private final Map<String, List<String>> byTopDirectory = new HashMap<>();
    /** Files by lower-case directory ("" for the root): community files live in a few known directories. */
    private final Map<String, List<String>> byLowerDirectory = new HashMap<>();
    /** Answers to pattern queries; evaluators share pattern constants, so each is scanned once per tree. */
    private final Map<String, List<String>> matchingCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> nameCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();
    /** Kept so that a test can check every pattern the evaluators ask against a full scan. */
    private final Map<String, Pattern> asked = new java.util.concurrent.ConcurrentHashMap<>();
    /** The directory of the repository this tree is rooted at ("" for the repository's root). */
    private final String root;
    /** For a tree rooted in a sub-directory: where each of its files is in the repository. */
    private final Map<String, String> origins;

    private FileTree(Map<String, Long> pathSizes, boolean truncated) {
        this(pathSizes, truncated, "", Map.of());
    }

    private FileTree(Map<String, Long> pathSizes, boolean truncated, String root, Map<String, String> origins) {
        this.root = root;
        this.origins = Map.copyOf(origins);
        String[] sorted = pathSizes.keySet().toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        this.paths = List.of(sorted);
        this.sizes = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            sizes[i] = pathSizes.get(sorted[i]);
        }
        this.truncated = truncated;
        // Sized up front: growing maps of a 100k-path tree cost as much as filling them.
        this.byLowerPath = new HashMap<>(sorted.length * 4 / 3 + 1);
        this.byLowerName = new HashMap<>(sorted.length * 4 / 3 + 1);
        StringBuilder names = new StringBuilder();
        // Sorted paths come directory by directory: the previous path's directory is usually this one's.
        String previousDirectory = null;
        List<String> inDirectory = null;
        String previousTop = null;
        List<String> inTop = null;
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT);
            byLowerPath.putIfAbsent(lower, path);
            String name = baseName(lower);
            byLowerName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(path);
            names.append('\n').append(name);
            String directory = directoryOf(lower);
            if (!directory.equals(previousDirectory)) {
                // Deepest first: once a directory is known, so are all above it.
                String above = directory;
                while (!above.isEmpty() && lowerDirectories.add(above)) {
                    lowerDirectoryNames.add(baseName(above));
                    above = directoryOf(above);
                }
                inDirectory = byLowerDirectory.computeIfAbsent(directory, k -> new ArrayList<>(2));
                previousDirectory = directory;
            }
            inDirectory.add(path);
            String extension = extension(lower);
            byExtension.computeIfAbsent(extension, k -> new ArrayList<>()).add(path);
            int firstSlash = lower.indexOf('/');
            if (firstSlash > 0) {
                if (previousTop == null || !lower.startsWith(previousTop) || lower.charAt(previousTop.length()) != '/') {
                    previousTop = lower.substring(0, firstSlash);
                    inTop = byTopDirectory.computeIfAbsent(previousTop, k -> new ArrayList<>());
                }
                inTop.add(path);
            }
        }
        this.joinedLowerNames = names.append('\n').toString();
    }

    public static FileTree of(Map<String, Long> pathSizes, boolean truncated) {
        return new FileTree(pathSizes, truncated);
    }

    public static FileTree empty() {
        return new FileTree(Map.of(), false);
    }

    /**
     * A project in a sub-directory, seen as GitHub would show it were it a repository of its own: its files at the
     * root, plus the repository's root files and its {@code .github} directory (community files, workflows, the
     * configuration) where the sub-directory has none of its own with the same path.
     */
    public FileTree rootedAt(String directory) {
        if (directory.isEmpty()) {
            return this;
        }
        if (!root.isEmpty()) {
            throw new IllegalStateException("This tree is already rooted at " + root);
        }
        String prefix = directory + "/";
        Map<String, Long> rooted = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        Set<String> own = new HashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            if (path.startsWith(prefix)) {
                String relative = path.substring(prefix.length());
                rooted.put(relative, sizes[i]);
                from.put(relative, path);
                own.add(relative.toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            String lower = path.toLowerCase(Locale.ROOT);
            boolean inherited = lower.indexOf('/') < 0 || lower.startsWith(".github/");
            if (inherited && !own.contains(lower)) {
                rooted.put(path, sizes[i]);
                from.put(path, path);
            }
        }
        return new FileTree(rooted, truncated, prefix.substring(0, prefix.length() - 1), from);
    }

    /** Where a path of this tree is in the repository (the same path unless the tree is rooted lower). */
    public String repositoryPath(String path) {
        if (root.isEmpty()) {
            return path;
        }
        String known = origins.get(path);
        return known != null ? known : path.isEmpty() ? root : root + "/" + path;
    }

    /** The sub-directory this tree is rooted at, "" for the repository's root. */
    public String root() {
        return root;
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
        int at = java.util.Collections.binarySearch(paths, path);
        return at < 0 ? -1L : sizes[at];
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

    /**
     * Paths whose whole path matches the pattern, sorted; computed once per pattern. Only files with a name the
     * pattern can match are tested, when the pattern says which ({@link PatternExtensions}).
     */
    public List<String> matching(Pattern pattern) {
        return matchingCache.computeIfAbsent(key(pattern), k -> {
            asked.put("path " + k, pattern);
            return scan(candidates(pattern), pattern);
        });
    }

    /** Paths whose lower-case file name matches the pattern, sorted; computed once per pattern. */
    public List<String> withName(Pattern lowerCaseName) {
        return nameCache.computeIfAbsent(key(lowerCaseName), k -> {
            asked.put("name " + k, lowerCaseName);
            // One matcher for the whole scan: allocating one per name dominated large trees.
            java.util.regex.Matcher matcher = lowerCaseName.matcher("");
            Optional<PatternExtensions.FileNames> names = PatternExtensions.of(lowerCaseName);
            if (names.isPresent()) {
                List<String> result = new ArrayList<>();
                for (String path : withNames(names.get())) {
                    if (matcher.reset(lowerBaseName(path)).matches()) {
                        result.add(path);
                    }
                }
                return List.copyOf(result);
            }
            return List.copyOf(withName((String name) -> matcher.reset(name).matches()));
        });
    }

    /**
     * The paths a pattern could match: those with the names or endings it allows, else those in the top-level
     * directories it allows, else all of them.
     */
    private List<String> candidates(Pattern pattern) {
        Optional<PatternExtensions.FileNames> names = PatternExtensions.of(pattern);
        if (names.isPresent()) {
            return withNames(names.get());
        }
        return PatternExtensions.topDirectories(pattern).map(this::inTopDirectories).orElse(paths);
    }

    /** Paths with one of these lower-case names or endings, sorted, each once. */
    private List<String> withNames(PatternExtensions.FileNames names) {
        List<String> found = new ArrayList<>();
        for (String name : names.names()) {
            found.addAll(byLowerName.getOrDefault(name, List.of()));
        }
        for (String ending : names.openEndings()) {
            found.addAll(withExtension(ending));
        }
        return found.stream().sorted().distinct().toList();
    }

    /** Files below these lower-case top-level directories, and the root's files for "", sorted. */
    private List<String> inTopDirectories(Set<String> tops) {
        List<String> found = new ArrayList<>();
        for (String top : tops) {
            found.addAll(top.isEmpty() ? filesIn("") : under(top));
        }
        Collections.sort(found);
        return found;
    }

    /** The same answers without narrowing by ending: what {@link #matching} must always agree with. */
    List<String> matchingByFullScan(Pattern pattern) {
        return scan(paths, pattern);
    }

    /** The same answers without narrowing by ending: what {@link #withName(Pattern)} must always agree with. */
    List<String> withNameByFullScan(Pattern lowerCaseName) {
        return paths.stream().filter(p -> lowerCaseName.matcher(lowerBaseName(p)).matches()).toList();
    }

    /** The patterns asked of this tree so far, keyed "path …" ({@link #matching}) or "name …" ({@link #withName}). */
    Map<String, Pattern> askedPatterns() {
        return Map.copyOf(asked);
    }

    /** Paths whose lower-case file name is exactly this, sorted. */
    public List<String> named(String lowerCaseName) {
        List<String> found = byLowerName.getOrDefault(lowerCaseName, List.of());
        List<String> sorted = new ArrayList<>(found);
        Collections.sort(sorted);
        return sorted;
    }

    /** Paths with this lower-case ending (without the dot), sorted. */
    public List<String> withExtension(String extension) {
        return byExtension.getOrDefault(extension, List.of());
    }

    /**
     * A fact derived from the whole tree (its test files, its binaries ...), computed once per tree however many
     * evaluators ask. The key identifies the computation; use a constant.
     */
    @SuppressWarnings("unchecked")
    public <T> T derive(Object key, java.util.function.Function<FileTree, T> computation) {
        Object value = derived.get(key);
        if (value == null) {
            value = computation.apply(this);
            Object raced = derived.putIfAbsent(key, value);
            value = raced == null ? value : raced;
        }
        return (T) value;
    }

    /** Paths with any of these lower-case endings, sorted: candidates to test before any costly pattern. */
    public List<String> withAnyExtension(java.util.Collection<String> extensions) {
        List<String> found = new ArrayList<>();
        for (String extension : extensions) {
            found.addAll(withExtension(extension));
        }
        Collections.sort(found);
        return found;
    }

    /** The lower-case names of the top-level directories. */
    public java.util.Set<String> topDirectories() {
        return byTopDirectory.keySet();
    }

    /** Every file below a top-level directory (any case, any depth), sorted. */
    public List<String> under(String topDirectory) {
        return byTopDirectory.getOrDefault(topDirectory.toLowerCase(Locale.ROOT), List.of());
    }

    /** The lower-case directories that hold files directly ("" for the root). */
    public Set<String> directories() {
        return Collections.unmodifiableSet(byLowerDirectory.keySet());
    }

    /** The files directly in a directory ("" for the root), whatever its case, sorted. */
    public List<String> filesIn(String directory) {
        return byLowerDirectory.getOrDefault(directory.toLowerCase(Locale.ROOT), List.of());
    }

    /** Equal patterns share an answer even when each caller compiled its own. */
    private static String key(Pattern pattern) {
        return pattern.flags() + "/" + pattern.pattern();
    }

    private static List<String> scan(List<String> candidates, Pattern pattern) {
        List<String> result = new ArrayList<>();
        java.util.regex.Matcher matcher = pattern.matcher("");
        for (String path : candidates) {
            if (matcher.reset(path).matches()) {
                result.add(path);
            }
        }
        return List.copyOf(result);
    }

    /** The lower-case names (last segment) of every directory. */
    public Set<String> directoryNames() {
        return Collections.unmodifiableSet(lowerDirectoryNames);
    }

    /** Paths whose lower-case file name contains this lower-case text, sorted. */
    public List<String> withNameContaining(String lowerCasePart) {
        if (lowerCasePart.indexOf('\n') >= 0) {
            return List.of();
        }
        Set<String> found = new java.util.TreeSet<>();
        for (int at = joinedLowerNames.indexOf(lowerCasePart); at >= 0;
                at = joinedLowerNames.indexOf(lowerCasePart, at + 1)) {
            int start = joinedLowerNames.lastIndexOf('\n', at) + 1;
            int end = joinedLowerNames.indexOf('\n', at);
            if (end < 0) {
                break; // past the last name (an empty text is found at the very end too)
            }
            if (end > start) {
                found.addAll(byLowerName.get(joinedLowerNames.substring(start, end)));
            }
            at = Math.max(at, end); // on to the next name: one hit per name is enough
        }
        return List.copyOf(found);
    }

    public boolean hasDirectory(String directory) {
        return lowerDirectories.contains(directory.toLowerCase(Locale.ROOT));
    }

    /** How many files end in the given lower-case extension (without the dot; "" for none). */
    public int countWithExtension(String extension) {
        return withExtension(extension).size();
    }

    public static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String lowerBaseName(String path) {
        return baseName(path).toLowerCase(Locale.ROOT);
    }

    /** How many directories down the path is: 0 for a file at the root. */
    public static int depth(String path) {
        int depth = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            depth++;
        }
        return depth;
    }

    /** Orders paths nearest the root first, and equally deep ones by name. */
    public static int shallowerFirst(String one, String other) {
        int byDepth = Integer.compare(depth(one), depth(other));
        return byDepth != 0 ? byDepth : one.compareTo(other);
    }

    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The lower-case ending of the file name after its last dot, without the dot; "" for none (".gitignore"). */
    public static String extension(String path) {
        int dot = path.lastIndexOf('.');
        // A dot that starts the file name, or one in a directory's name, starts no ending.
        return dot <= path.lastIndexOf('/') + 1 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
