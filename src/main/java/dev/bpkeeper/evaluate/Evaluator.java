package dev.bpkeeper.evaluate;

import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One question about a repository, answered from a snapshot alone. Implementations are pure: no I/O, no clock,
 * no framework. The class name is the question ("HasSecurityPolicy"); the catalogue refers to it by
 * {@link #name()} ("hasSecurityPolicy").
 */
public interface Evaluator {

    Finding evaluate(RepositorySnapshot snapshot);

    default String name() {
        String simple = getClass().getSimpleName();
        return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
    }

    /** File contents this evaluator reads; the gatherer fetches nothing else. */
    default List<WantedFile> wantedFiles() {
        return List.of();
    }

    /** Facts beyond the tree and repository metadata that this evaluator reads. */
    default Set<Need> needs() {
        return Set.of();
    }
}
