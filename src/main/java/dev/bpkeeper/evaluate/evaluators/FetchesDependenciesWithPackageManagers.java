package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Do the CI and release pipelines fetch dependencies with the ecosystem's package manager, not ad hoc downloads? */
public final class FetchesDependenciesWithPackageManagers implements Evaluator {
    /** Code fetched around the package manager: piped into a shell, or an archive or package by URL. */
    private static final Pattern AD_HOC = Look.words("\\b(curl|wget)\\b[^\\n|]*\\|\\s*(sudo\\s+)?(ba|z)?sh\\b"
            + "|\\b(ba)?sh\\s+<\\(\\s*(curl|wget)\\b|\\b(curl|wget)\\b[^\\n]*\\.(jar|whl|tar\\.gz|tgz|zip)\\b"
            + "|\\bpip3?\\s+install\\s+(https?://|git\\+)|\\b(npm|yarn)\\s+(install|add)\\s+https?://");
    private static final Pattern PACKAGE_MANAGER = Look.words("\\b(npm\\s+(ci|install)|yarn(\\s+install)?\\s*$"
            + "|pnpm\\s+install|pip3?\\s+install|poetry\\s+install|uv\\s+(sync|pip\\s+install)|bundle\\s+install"
            + "|composer\\s+install|go\\s+(mod\\s+download|build|test)|cargo\\s+(build|test|fetch)|mvnw?\\s"
            + "|gradlew?\\s|dotnet\\s+(restore|build|test)|mix\\s+deps\\.get|(dart|flutter)\\s+pub\\s+get"
            + "|swift\\s+build|conan\\s+install|vcpkg\\s+install)|actions/setup-(node|python|java|go)|ruby/setup-ruby");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.WORKFLOWS, Wanted.OTHER_CI);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> adHoc = new ArrayList<>();
        Optional<String> packageManager = Optional.empty();
        for (Workflow workflow : snapshot.workflows()) {
            Tool.matchedLine(workflow.allStepText(), AD_HOC).ifPresent(l -> adHoc.add(workflow.path() + " (\"" + l
                    + "\")"));
            if (packageManager.isEmpty()) {
                packageManager = Tool.matchedLine(workflow.allStepText(), PACKAGE_MANAGER)
                        .map(l -> "the workflow " + workflow.path() + " (\"" + l + "\")");
            }
        }
        for (String path : Ci.otherCiFiles(snapshot)) {
            String text = snapshot.text(path).orElse("");
            Tool.matchedLine(text, AD_HOC).ifPresent(l -> adHoc.add(path + " (\"" + l + "\")"));
            if (packageManager.isEmpty()) {
                packageManager = Tool.matchedLine(text, PACKAGE_MANAGER).map(l -> path + " (\"" + l + "\")");
            }
        }
        if (!adHoc.isEmpty()) {
            return Finding.unmet("The pipelines download and run code outside the package manager: "
                    + Look.list(adHoc.stream().limit(3).toList()) + ".").proposed();
        }
        if (packageManager.isPresent()) {
            List<String> lockfiles = Code.lockfiles(snapshot.tree());
            return Finding.met("The pipelines install dependencies with the package manager, for example "
                    + packageManager.get() + (lockfiles.isEmpty() ? "" : ", pinned by " + lockfiles.get(0))
                    + "; no ad hoc download was seen.").proposed();
        }
        Optional<Finding> noPipelines = WorkflowScan.noWorkflows(snapshot).filter(f -> Ci.otherCiFiles(snapshot)
                .isEmpty());
        if (noPipelines.isPresent()) {
            return noPipelines.get();
        }
        return Finding.unknown("The pipelines were found, but no dependency installation was recognised in them.");
    }
}
