package dev.bpkeeper.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Category;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Remediation;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.evaluate.evaluators.Repo;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AssessorTest {
    private final Map<String, Criterion> byId = new LinkedHashMap<>();
    private final Map<Level, List<String>> order = new LinkedHashMap<>();

    @Test
    void runsEachEvaluatorOnceAndGivesItsAnswerToEveryCriterionNamingIt() {
        AtomicInteger calls = new AtomicInteger();
        Evaluator policy = evaluator("hasPolicy", s -> {
            calls.incrementAndGet();
            return Finding.met("Policy found.");
        });
        criterion("a", Level.PASSING, Automation.DECISIVE, "hasPolicy", false);
        criterion("b", Level.BASELINE_1, Automation.DECISIVE, "hasPolicy", false);

        Assessment assessment = new Assessor(catalogue(), List.of(policy)).assess(Repo.onGitHub().snapshot());

        assertThat(calls).hasValue(1);
        assertThat(assessment.verdict("a").status()).isEqualTo(Status.MET);
        assertThat(assessment.verdict("b").justification()).isEqualTo("Policy found.");
    }

    @Test
    void aFailingEvaluatorMakesItsCriteriaUnknownAndTheRestStillAnswered() {
        criterion("a", Level.PASSING, Automation.DECISIVE, "broken", false);
        criterion("b", Level.PASSING, Automation.DECISIVE, "fine", false);

        Assessment assessment = new Assessor(catalogue(), List.of(
                evaluator("broken", s -> { throw new IllegalStateException("boom"); }),
                evaluator("fine", s -> Finding.met("ok"))))
                .assess(Repo.onGitHub().snapshot());

        assertThat(assessment.verdict("a").status()).isEqualTo(Status.UNKNOWN);
        assertThat(assessment.verdict("a").justification()).contains("IllegalStateException").contains("boom");
        assertThat(assessment.verdict("b").status()).isEqualTo(Status.MET);
    }

    @Test
    void notApplicableBecomesUnknownWhereTheCriterionCannotBeNotApplicable() {
        criterion("strict", Level.PASSING, Automation.DECISIVE, "na", false);
        criterion("lenient", Level.SILVER, Automation.DECISIVE, "na", true);

        Assessment assessment = new Assessor(catalogue(), List.of(evaluator("na",
                s -> Finding.notApplicable("No native code.")))).assess(Repo.onGitHub().snapshot());

        assertThat(assessment.verdict("strict").status()).isEqualTo(Status.UNKNOWN);
        assertThat(assessment.verdict("lenient").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aProposalCriterionNeverClaimsDecisiveConfidence() {
        criterion("proposed", Level.PASSING, Automation.PROPOSAL, "sure", false);
        criterion("decided", Level.BASELINE_1, Automation.DECISIVE, "sure", false);

        Assessment assessment = new Assessor(catalogue(), List.of(evaluator("sure", s -> Finding.met("yes"))))
                .assess(Repo.onGitHub().snapshot());

        assertThat(assessment.verdict("proposed").confidence()).isEqualTo(Confidence.PROPOSAL);
        assertThat(assessment.verdict("decided").confidence()).isEqualTo(Confidence.DECISIVE);
    }

    @Test
    void humanCriteriaAreUnknownAndSayWhatToDo() {
        criterion("human", Level.PASSING, Automation.HUMAN, null, false);

        Verdict verdict = new Assessor(catalogue(), List.of()).assess(Repo.onGitHub().snapshot()).verdict("human");

        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
        assertThat(verdict.source()).isEqualTo(Verdict.Source.NOBODY);
        assertThat(verdict.justification()).startsWith("Needs a maintainer's answer: Do it.");
    }

    @Test
    void prerequisitesFollowTheLevelBelowIncludingTheirOwnChain() {
        criterion("p", Level.PASSING, Automation.DECISIVE, "yes", false);
        criterion("achieve_passing", Level.SILVER, Automation.COMPUTED, null, false);
        criterion("achieve_silver", Level.GOLD, Automation.COMPUTED, null, false);

        Assessment met = new Assessor(catalogue(), List.of(evaluator("yes", s -> Finding.met("y"))))
                .assess(Repo.onGitHub().snapshot());
        Assessment unmet = new Assessor(catalogue(), List.of(evaluator("yes", s -> Finding.unmet("n"))))
                .assess(Repo.onGitHub().snapshot());

        assertThat(met.verdict("achieve_passing").status()).isEqualTo(Status.MET);
        assertThat(met.verdict("achieve_silver").status()).isEqualTo(Status.MET);
        assertThat(met.score().badge()).isEqualTo("gold");
        assertThat(unmet.verdict("achieve_passing").status()).isEqualTo(Status.UNMET);
        assertThat(unmet.verdict("achieve_passing").justification()).contains("passing is at 0%");
        assertThat(unmet.verdict("achieve_silver").status()).isEqualTo(Status.UNMET);
    }

    @Test
    void aMaintainersAnswerReplacesTheEvaluatorsAndCountsForThePrerequisite() {
        criterion("p", Level.PASSING, Automation.DECISIVE, "no", true);
        criterion("achieve_passing", Level.SILVER, Automation.COMPUTED, null, false);
        Verdict declared = new Verdict("p", Status.NOT_APPLICABLE, "Nothing to build here.", List.of(),
                Confidence.DECISIVE, "", Verdict.Source.MAINTAINER);

        Assessment assessment = new Assessor(catalogue(), List.of(evaluator("no", s -> Finding.unmet("n"))))
                .assess(Repo.onGitHub().snapshot(), Map.of("p", declared));

        assertThat(assessment.verdict("p")).isEqualTo(declared);
        assertThat(assessment.verdict("achieve_passing").status()).isEqualTo(Status.MET);
        assertThat(assessment.score().at(Level.PASSING).percentage()).isEqualTo(100);
    }

    @Test
    void evidenceOfAProjectInASubDirectoryNamesTheFileByItsPathInTheRepository() {
        criterion("p", Level.PASSING, Automation.DECISIVE, "policy", false);
        RepositorySnapshot repository = Repo.onGitHub().withFile("services/api/SECURITY.md", "Mail us.").snapshot();
        RepositorySnapshot project = repository.toBuilder().tree(repository.tree().rootedAt("services/api")).build();

        Verdict verdict = new Assessor(catalogue(), List.of(evaluator("policy", s -> Finding.met("Found.",
                Evidence.file("SECURITY.md", s.linkTo("SECURITY.md")))))).assess(project).verdict("p");

        assertThat(verdict.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("services/api/SECURITY.md");
            assertThat(e.link()).endsWith("/blob/" + Repo.SHA + "/services/api/SECURITY.md");
        });
    }

    @Test
    void refusesACatalogueThatNamesAMissingEvaluator() {
        criterion("a", Level.PASSING, Automation.DECISIVE, "nowhere", false);

        assertThatThrownBy(() -> new Assessor(catalogue(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a → nowhere");
    }

    private Catalogue catalogue() {
        return new Catalogue(byId, order);
    }

    private void criterion(String id, Level level, Automation automation, String evaluator, boolean naAllowed) {
        byId.put(id, new Criterion(id, level.series(), Optional.empty(), "S", "D", "https://example.org/" + id,
                List.of(new Requirement(level, Category.MUST, naAllowed, false, false, false)), automation,
                Optional.ofNullable(evaluator), new Remediation("Do it.", Optional.empty(), Optional.empty())));
        order.computeIfAbsent(level, l -> new ArrayList<>()).add(id);
    }

    private static Evaluator evaluator(String name, java.util.function.Function<RepositorySnapshot, Finding> body) {
        return new Evaluator() {
            @Override
            public Finding evaluate(RepositorySnapshot snapshot) {
                return body.apply(snapshot);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
