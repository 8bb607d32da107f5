package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Is code in memory-unsafe languages (C, C++ ...) tested under a memory-error detector? */
public final class TestsMemoryUnsafeCode implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.WANTED;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Code.Native code = Code.nativeCode(snapshot);
        Optional<Finding> notNative = Code.withoutNativeCode(code, "so there is no memory-unsafe code to test");
        if (notNative.isPresent()) {
            return notNative.get();
        }
        List<Tool.Sighting> sightings = Tool.findAll(snapshot, Tools.MEMORY_CHECKERS);
        Optional<Tool.Sighting> inCi = sightings.stream().filter(Tool.Sighting::inCi).findFirst();
        if (inCi.isPresent()) {
            Tool.Sighting seen = inCi.get();
            return Finding.met(Tool.capitalise(seen.where()) + " runs the code under " + seen.tool().name()
                    + seen.workflow().map(w -> " " + Tool.triggers(w)).orElse(" in CI") + ".",
                    Look.evidence(snapshot, seen.path())).proposed();
        }
        if (!sightings.isEmpty()) {
            return Finding.met(Tool.capitalise(sightings.get(0).tool().name()) + " is set up in "
                    + sightings.get(0).where() + "; confirm that the tests run under it.",
                    Look.evidence(snapshot, sightings.get(0).path())).proposed();
        }
        return Finding.unmet(code.description() + ", but no memory-error detector (AddressSanitizer,"
                + " MemorySanitizer, Valgrind) was found in the workflows, CI configuration or build files.")
                .proposed();
    }
}
