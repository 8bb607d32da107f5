package dev.bpkeeper.evaluate;

import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers every criterion of the catalogue for a snapshot: each evaluator runs once, its finding becomes the
 * verdict of every criterion that names it, and the prerequisites (achieve_passing, achieve_silver) are
 * computed from the level below.
 */
public final class Assessor {
    private final Catalogue catalogue;
    private final Map<String, Evaluator> evaluators = new LinkedHashMap<>();

    public Assessor(Catalogue catalogue, List<Evaluator> available) {
        this.catalogue = catalogue;
        Map<String, Evaluator> byName = new HashMap<>();
        for (Evaluator evaluator : available) {
            if (byName.put(evaluator.name(), evaluator) != null) {
                throw new IllegalArgumentException("Two evaluators are named " + evaluator.name());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Criterion criterion : catalogue.all()) {
            criterion.evaluator().ifPresent(name -> {
                Evaluator evaluator = byName.get(name);
                if (evaluator == null) {
                    missing.add(criterion.id() + " → " + name);
                } else {
                    evaluators.put(name, evaluator);
                }
            });
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The catalogue names evaluators that do not exist: " + missing);
        }
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The union of what the catalogue's evaluators read: the gatherer's shopping list. */
    public List<WantedFile> wantedFiles() {
        List<WantedFile> wanted = new ArrayList<>();
        evaluators.values().forEach(e -> wanted.addAll(e.wantedFiles()));
        return wanted;
    }

    public Set<Need> needs() {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        evaluators.values().forEach(e -> needs.addAll(e.needs()));
        return needs;
    }

    public Assessment assess(RepositorySnapshot snapshot) {
        return assess(snapshot, Map.of());
    }

    /**
     * @param declared maintainers' own answers by criterion id: they replace what evaluators would say, and the
     *        computed prerequisites count them like any other answer
     */
    public Assessment assess(RepositorySnapshot snapshot, Map<String, Verdict> declared) {
        Map<String, Finding> findings = new HashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<Criterion> computed = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            if (criterion.automation() == Automation.COMPUTED) {
                computed.add(criterion);
                continue;
            }
            if (declared.containsKey(criterion.id())) {
                verdicts.put(criterion.id(), declared.get(criterion.id()));
                continue;
            }
            if (criterion.evaluator().isEmpty()) {
                verdicts.put(criterion.id(), new Verdict(criterion.id(), Status.UNKNOWN,
                        "Needs a maintainer's answer: " + criterion.remediation().text(), List.of(),
                        Confidence.PROPOSAL, "", Verdict.Source.NOBODY));
                continue;
            }
            String name = criterion.evaluator().get();
            Finding finding = findings.computeIfAbsent(name, n -> run(evaluators.get(n), snapshot));
            verdicts.put(criterion.id(), toVerdict(criterion, name, inRepository(finding, snapshot)));
        }
        // achieve_silver reads silver, which contains achieve_passing: lower levels first.
        computed.sort(java.util.Comparator.comparing(c -> c.requirements().get(0).level()));
        for (Criterion prerequisite : computed) {
            verdicts.put(prerequisite.id(), prerequisiteVerdict(prerequisite, verdicts));
        }
        Map<String, Verdict> ordered = new LinkedHashMap<>();
        for (Criterion criterion : catalogue.all()) {
            ordered.put(criterion.id(), verdicts.get(criterion.id()));
        }
        return new Assessment(snapshot.name(), snapshot.commitSha().isKnown()
                ? java.util.Optional.of(snapshot.commitSha().value()) : java.util.Optional.empty(),
                snapshot.observedAt(), ordered, Scoring.score(catalogue, ordered));
    }

    private static Finding run(Evaluator evaluator, RepositorySnapshot snapshot) {
        for (Map.Entry<String, String> unread : snapshot.unreadable().entrySet()) {
            // What it would have read is missing, so neither its Met nor its Unmet could be trusted.
            if (evaluator.wantedFiles().stream().anyMatch(w -> w.matches(unread.getKey()))) {
                return Finding.unknown("The file " + unread.getKey() + " could not be read (" + unread.getValue()
                        + ").");
            }
        }
        try {
            Finding finding = evaluator.evaluate(snapshot);
            return finding == null ? Finding.unknown("The evaluator gave no answer.") : finding;
        } catch (RuntimeException e) {
            // One faulty evaluator must not sink the whole evaluation; it says it could not tell.
            return Finding.unknown("Could not evaluate (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ").");
        }
    }

    /** Evidence of a project in a sub-directory names the files by their path in the repository (annotations). */
    private static Finding inRepository(Finding finding, RepositorySnapshot snapshot) {
        if (snapshot.tree().root().isEmpty() || finding.evidence().isEmpty()) {
            return finding;
        }
        List<Evidence> evidence = finding.evidence().stream().map(e -> e.path().isEmpty() ? e
                : new Evidence(e.label(), e.link(), snapshot.tree().repositoryPath(e.path()))).toList();
        return new Finding(finding.status(), finding.justification(), evidence, finding.confidence());
    }

    private static Verdict toVerdict(Criterion criterion, String evaluator, Finding finding) {
        Status status = finding.status();
        String justification = finding.justification();
        if (status == Status.NOT_APPLICABLE && criterion.requirements().stream().noneMatch(Requirement::naAllowed)) {
            status = Status.UNKNOWN;
            justification = "Looks not applicable, but this criterion cannot be answered N/A: " + justification;
        }
        Confidence confidence = criterion.automation() == Automation.DECISIVE
                ? finding.confidence() : Confidence.PROPOSAL;
        return new Verdict(criterion.id(), status, justification, finding.evidence(), confidence, evaluator,
                Verdict.Source.EVALUATOR);
    }

    /** achieve_passing / achieve_silver: the level below the one that lists them must be complete. */
    private Verdict prerequisiteVerdict(Criterion criterion, Map<String, Verdict> verdicts) {
        Level listedAt = criterion.requirements().get(0).level();
        Level below = Level.values()[listedAt.ordinal() - 1];
        LevelScore score = Scoring.scoreLevel(catalogue, below, verdicts);
        Status status = score.achieved() ? Status.MET : Status.UNMET;
        String justification = score.achieved()
                ? "Every " + below.key() + " criterion is answered in a way that counts."
                : below.key() + " is at " + score.percentage() + "% (" + score.counted() + " of " + score.total()
                        + " criteria count).";
        return new Verdict(criterion.id(), status, justification, List.of(), Confidence.DECISIVE, "",
                Verdict.Source.COMPUTED);
    }
}
