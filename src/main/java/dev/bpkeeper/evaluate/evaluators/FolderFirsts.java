package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.FileTree;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first file of each folder where a topic's documents may live: below every top-level directory ("api") and
 * below every directory of doc/ or docs/ ("docs/api"), the shallowest file, and between equally deep ones the first
 * in name order. Worked out once per tree from its directories, which are far fewer than its files.
 */
final class FolderFirsts {
    private static final Object KEY = new Object();

    private FolderFirsts() {
    }

    /** Lower-case folder ("api", "docs/api") → its first file. */
    static Map<String, String> of(FileTree tree) {
        return tree.derive(KEY, FolderFirsts::find);
    }

    /** Every file below a folder named as {@link #of} names it, sorted. */
    static List<String> filesBelow(FileTree tree, String folder) {
        int slash = folder.indexOf('/');
        if (slash < 0) {
            return tree.under(folder);
        }
        String prefix = folder + "/";
        return tree.under(folder.substring(0, slash)).stream()
                .filter(p -> p.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
    }

    private static Map<String, String> find(FileTree tree) {
        Map<String, Shallowest> firsts = new HashMap<>();
        for (String directory : tree.directories()) {
            if (directory.isEmpty()) {
                continue;
            }
            String path = tree.filesIn(directory).get(0);
            int slash = directory.indexOf('/');
            String top = slash < 0 ? directory : directory.substring(0, slash);
            firsts.computeIfAbsent(top, k -> new Shallowest()).offer(path);
            if (slash > 0 && (top.equals("doc") || top.equals("docs"))) {
                int next = directory.indexOf('/', slash + 1);
                firsts.computeIfAbsent(next < 0 ? directory : directory.substring(0, next), k -> new Shallowest())
                        .offer(path);
            }
        }
        Map<String, String> paths = new HashMap<>();
        firsts.forEach((folder, first) -> paths.put(folder, first.path().orElseThrow()));
        return Map.copyOf(paths);
    }
}
