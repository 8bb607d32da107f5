package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Can the software be built with free/open-source tools only? */
public final class UsesFlossBuildTools implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<Ecosystem.Detected> tools = Code.buildTools(snapshot.tree());
        List<Ecosystem.Detected> free = tools.stream().filter(d -> d.ecosystem().floss()).toList();
        List<Ecosystem.Detected> proprietary = tools.stream().filter(d -> !d.ecosystem().floss()).toList();
        if (!proprietary.isEmpty() && free.isEmpty()) {
            return Finding.unmet("The build uses " + Code.describe(proprietary) + ", which needs proprietary tools.",
                    Look.evidence(snapshot, proprietary.get(0).manifestPath())).proposed();
        }
        if (!proprietary.isEmpty()) {
            return Finding.unknown("The project builds with " + Code.describe(free) + ", which is free software, but"
                    + " also has " + Code.describe(proprietary) + ", which needs proprietary tools; a person must"
                    + " confirm that the free build is complete.");
        }
        if (!free.isEmpty()) {
            return Finding.met("The build uses " + Code.describe(free) + ", which "
                    + (free.size() > 1 ? "are" : "is") + " free software.",
                    Look.evidence(snapshot, free.get(0).manifestPath())).proposed();
        }
        Optional<Finding> nothingToBuild = Code.withNothingToBuild(snapshot, "so nothing needs building");
        if (nothingToBuild.isPresent()) {
            return nothingToBuild.get();
        }
        return Finding.unknown("No build tool was recognised, so whether the build needs proprietary tools is not"
                + " known.");
    }
}
