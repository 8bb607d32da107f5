package dev.bpkeeper.act.fixup;

import java.util.Set;
import java.util.TreeSet;

/**
 * A file a fix-up pull request would add.
 *
 * @param path where it goes in the repository
 * @param template its template under criteria/templates/
 * @param reasons the criteria (as bestpractices.dev names them) it would satisfy that are Unmet now; empty for
 *        files that only help (.bestpractices.json)
 */
public record ProposedFile(String path, String template, Set<String> reasons) {

    public ProposedFile {
        reasons = java.util.Collections.unmodifiableSet(new TreeSet<>(reasons));
    }
}
