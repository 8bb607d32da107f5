package dev.bpkeeper.act.fixup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the app remembers about its fix-up pull requests for one repository: the one it has open, and what the
 * maintainers did with the files it proposed before. A "no" (closed without merging) and a file that was merged
 * and later removed both keep a file from being proposed again, unless a criterion it satisfies is newly Unmet.
 *
 * @param open the app's open pull request, if any
 * @param remembered by path, the last outcome of proposing that file
 * @param version for optimistic locking in storage; 0 when never stored
 */
public record FixupMemory(Optional<OpenPull> open, Map<String, Outcome> remembered, long version) {

    public FixupMemory {
        remembered = java.util.Collections.unmodifiableMap(new TreeMap<>(remembered));
    }

    public static FixupMemory none() {
        return new FixupMemory(Optional.empty(), Map.of(), 0);
    }

    /**
     * @param number the pull request's number
     * @param headSha the commit the app last put on its branch; another head means someone else pushed there
     * @param files the proposed files with the criteria each satisfied when proposed
     * @param takenOver true once someone else pushed to the branch: from then on the app leaves it alone
     */
    public record OpenPull(int number, String headSha, Map<String, Set<String>> files, boolean takenOver) {
        public OpenPull {
            files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        }
    }

    /** What became of a proposed file. */
    public record Outcome(Kind kind, Set<String> reasons) {
        public Outcome {
            reasons = Set.copyOf(reasons);
        }
    }

    /** How a proposal ended. */
    public enum Kind {
        /** The pull request was closed without merging. */
        DECLINED,
        /** The pull request was merged: if the file disappears later, the maintainers removed it on purpose. */
        MERGED
    }

    /** Whether the file may be proposed: never proposed before, or needed now for a criterion not known then. */
    public boolean mayPropose(ProposedFile file) {
        Outcome before = remembered.get(file.path());
        return before == null || !before.reasons().containsAll(file.reasons());
    }

    /** The files of a closed pull request, remembered with their outcome; no pull request open any more. */
    public FixupMemory closed(OpenPull pull, Kind kind) {
        Map<String, Outcome> next = new LinkedHashMap<>(remembered);
        pull.files().forEach((path, reasons) -> next.put(path, new Outcome(kind, reasons)));
        return new FixupMemory(Optional.empty(), next, version);
    }

    public FixupMemory withOpen(OpenPull pull) {
        return new FixupMemory(Optional.of(pull), remembered, version);
    }

    public FixupMemory withoutOpen() {
        return new FixupMemory(Optional.empty(), remembered, version);
    }
}
