package dev.bpkeeper.gather;

import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decides which files' contents to read: those evaluators declared, within each declaration's budget. */
public final class ContentSelection {
    /** A cap over all declarations: each file may cost a request. */
    public static final int MAX_FILES = 120;

    private ContentSelection() {
    }

    public static List<String> select(FileTree tree, List<WantedFile> wanted) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> shallowFirst = byDepth(tree);
        for (WantedFile want : wanted) {
            int taken = 0;
            for (String path : shallowFirst) {
                if (taken >= want.maxFiles()) {
                    break;
                }
                if (want.matches(path) && tree.sizeOf(path) <= WantedFile.MAX_BYTES) {
                    chosen.add(path);
                    taken++;
                }
            }
        }
        return new ArrayList<>(chosen).subList(0, Math.min(MAX_FILES, chosen.size()));
    }

    /** Shallow paths first, so a budget keeps the root files rather than deep ones. */
    private static List<String> byDepth(FileTree tree) {
        List<String> paths = new ArrayList<>(tree.paths());
        paths.sort(FileTree::shallowerFirst);
        return paths;
    }
}
