package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;

/** Does every source file carry a licence statement (an SPDX-License-Identifier header or through REUSE)? */
public final class DeclaresLicensePerFile implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.REUSE);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        return Reuse.everyFileDeclares(snapshot, "SPDX-License-Identifier", "License", "a licence");
    }
}
