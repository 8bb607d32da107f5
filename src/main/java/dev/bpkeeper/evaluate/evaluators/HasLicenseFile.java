package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.regex.Pattern;

/** Is the licence text kept where people and tools look for it (LICENSE, COPYING, or a REUSE LICENSES/ folder)? */
public final class HasLicenseFile implements Evaluator {
    private static final Pattern LICENSE_NAME = Pattern.compile(
            "([a-z0-9]+[-.])?(licen[cs]e|copying|unlicense)([-.][a-z0-9]+)?" + Look.DOC_ENDING);

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> files = snapshot.tree().filesIn("").stream()
                .filter(p -> LICENSE_NAME.matcher(p.toLowerCase(java.util.Locale.ROOT)).matches()).toList();
        if (!files.isEmpty()) {
            return Finding.met("The licence is in " + Look.list(files) + " at the top of the repository.",
                    Look.evidence(snapshot, files.get(0)));
        }
        List<String> reuse = snapshot.tree().paths().stream().filter(p -> p.startsWith("LICENSES/")).toList();
        if (!reuse.isEmpty()) {
            return Finding.met("The licence texts are in the REUSE LICENSES/ directory (" + reuse.size()
                    + " file(s)).", Look.evidence(snapshot, "LICENSES"));
        }
        return Look.absent(snapshot, "No LICENSE, COPYING or LICENSES/ at the top of the repository.");
    }
}
