package dev.bpkeeper.act.fixup;

import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.snapshot.CommunityFiles;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a fix-up pull request should add: those whose criteria are Unmet and that GitHub does not already
 * show from somewhere else. Pure: the same snapshot and assessment always give the same plan.
 */
public final class FixupPlanner {
    public static final String BEST_PRACTICES_JSON = ".bestpractices.json";
    static final String DEPENDABOT_TEMPLATE = "dependabot.yml";

    private FixupPlanner() {
    }

    /** Why nothing at all is proposed for a repository, or empty when proposals are possible. */
    public static Optional<String> whyNothingCanBeProposed(RepositorySnapshot snapshot) {
        if (snapshot.metadata().archived().orElse(false)) {
            return Optional.of("the repository is archived");
        }
        if (snapshot.metadata().fork().orElse(false)) {
            return Optional.of("the repository is a fork");
        }
        if (snapshot.tree().isEmpty()) {
            return Optional.of("the repository is empty");
        }
        if (snapshot.tree().isTruncated()) {
            return Optional.of("GitHub listed only part of the tree, so a missing file cannot be told from an unlisted one");
        }
        return Optional.empty();
    }

    /** Every file worth proposing now, in catalogue order; .bestpractices.json only rides along with another file. */
    public static List<ProposedFile> plan(Catalogue catalogue, Assessment assessment, RepositorySnapshot snapshot,
                                          TemplateFacts facts) {
        if (whyNothingCanBeProposed(snapshot).isPresent()) {
            return List.of();
        }
        Map<String, String> templateByPath = new LinkedHashMap<>();
        Map<String, Set<String>> reasonsByPath = new LinkedHashMap<>();
        for (Criterion criterion : catalogue.all()) {
            if (assessment.verdict(criterion.id()).status() != Status.UNMET) {
                continue;
            }
            Optional<String> template = criterion.remediation().template();
            Optional<String> path = criterion.remediation().path();
            if (template.isEmpty() || path.isEmpty() || alreadyShown(snapshot, path.get())
                    || (template.get().equals(DEPENDABOT_TEMPLATE) && facts.dependabotEcosystems().isEmpty())) {
                continue;
            }
            templateByPath.putIfAbsent(path.get(), template.get());
            reasonsByPath.computeIfAbsent(path.get(), p -> new HashSet<>()).add(criterion.displayId());
        }
        List<ProposedFile> files = new ArrayList<>();
        templateByPath.forEach((path, template) -> files.add(new ProposedFile(path, template, reasonsByPath.get(path))));
        if (!files.isEmpty() && snapshot.tree().find(BEST_PRACTICES_JSON).isEmpty()) {
            files.add(new ProposedFile(BEST_PRACTICES_JSON, BEST_PRACTICES_JSON, Set.of()));
        }
        return files;
    }

    /**
     * Community files count wherever GitHub shows them (root, .github/, docs/, any document ending, the
     * organisation's defaults); other files only at their path, with either YAML ending.
     */
    static boolean alreadyShown(RepositorySnapshot snapshot, String path) {
        FileTree tree = snapshot.tree();
        if (!path.contains("/")) {
            String baseName = path.toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z]+$", "").replaceAll("[_-]", "[_-]");
            return CommunityFiles.inRepository(snapshot, baseName).isPresent()
                    || CommunityFiles.inOrganisationDefaults(snapshot, baseName).isPresent();
        }
        String other = path.endsWith(".yml") ? path.replaceFirst("\\.yml$", ".yaml")
                : path.replaceFirst("\\.yaml$", ".yml");
        return tree.find(path).isPresent() || tree.find(other).isPresent();
    }
}
