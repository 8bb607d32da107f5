package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Does the project have an automated build, unless nothing needs building? */
public final class HasBuildSystem implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<Ecosystem.Detected> tools = Code.buildTools(snapshot.tree());
        if (!tools.isEmpty()) {
            Ecosystem.Detected main = tools.get(0);
            Finding met = Finding.met("The project builds with " + Code.describe(tools) + ", for example with `"
                    + main.ecosystem().buildCommand() + "`.", Look.evidence(snapshot, main.manifestPath()));
            // A manifest only in a subdirectory may build a part, not the whole project.
            return main.manifestPath().contains("/") ? met.proposed() : met;
        }
        Optional<Finding> nothingToBuild = Code.withNothingToBuild(snapshot, "so nothing needs building");
        if (nothingToBuild.isPresent()) {
            return nothingToBuild.get();
        }
        return Look.absent(snapshot, "No manifest of a known build tool (Maven, Gradle, npm, Cargo, Go, CMake, Make"
                + " and the like) was found.");
    }
}
