package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;

/** Does every source file carry a copyright statement (in a header or through REUSE)? */
public final class DeclaresCopyrightPerFile implements Evaluator {

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.REUSE);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        return Reuse.everyFileDeclares(snapshot, "SPDX-FileCopyrightText", "Copyright", "a copyright");
    }
}
