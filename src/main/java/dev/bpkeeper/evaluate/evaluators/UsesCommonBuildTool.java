package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Does the build use a common, widely known build tool? */
public final class UsesCommonBuildTool implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<Ecosystem.Detected> tools = Code.buildTools(snapshot.tree());
        if (!tools.isEmpty()) {
            return Finding.met("The build uses " + Code.describe(tools) + ", widely known build tool"
                    + (tools.size() > 1 ? "s." : "."), Look.evidence(snapshot, tools.get(0).manifestPath()));
        }
        Optional<Finding> nothingToBuild = Code.withNothingToBuild(snapshot, "so nothing needs building");
        if (nothingToBuild.isPresent()) {
            return nothingToBuild.get();
        }
        // Less common tools we do not know (Buck, Pants, xmake ...) would land here: a person confirms.
        return Look.absent(snapshot, "No manifest of a common build tool (Maven, Gradle, npm, Cargo, Go, CMake, Make"
                + " and the like) was found.").proposed();
    }
}
