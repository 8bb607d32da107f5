package dev.bpkeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.evaluate.evaluators.Repo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetStandingTest {
    static final Catalogue CATALOGUE = CatalogueLoader.fromClasspath();
    static final Assessor ASSESSOR = new Assessor(CATALOGUE, Evaluators.ALL);

    @Test
    void givenAnUnmetMustAtTheTargetThenTheGateFailsAndOnlyTheGateDoes() {
        Assessment assessment = ASSESSOR.assess(Repo.onGitHub().snapshot());

        TargetStanding standing = TargetStanding.of(CATALOGUE, assessment, Level.PASSING);

        assertThat(assessment.verdict("vulnerability_report_process").status()).isEqualTo(Status.UNMET);
        assertThat(standing.unmetMusts()).contains("vulnerability_report_process");
        assertThat(standing.conclusion(CheckRunMode.GATE)).isEqualTo(TargetStanding.Conclusion.FAILURE);
        assertThat(standing.conclusion(CheckRunMode.NEUTRAL)).isEqualTo(TargetStanding.Conclusion.NEUTRAL);
    }

    @Test
    void givenEveryUnmetMustAnsweredByTheMaintainersThenTheGatePasses() {
        Assessment unanswered = ASSESSOR.assess(Repo.onGitHub().snapshot());
        Map<String, Verdict> declared = new java.util.HashMap<>();
        TargetStanding.of(CATALOGUE, unanswered, Level.PASSING).unmetMusts().forEach(id -> declared.put(id,
                new Verdict(id, Status.MET, "Done, see https://example.org/" + id, List.of(), Confidence.DECISIVE, "",
                        Verdict.Source.MAINTAINER)));

        TargetStanding standing = TargetStanding.of(CATALOGUE, ASSESSOR.assess(Repo.onGitHub().snapshot(), declared),
                Level.PASSING);

        assertThat(declared).isNotEmpty();
        assertThat(standing.unmetMusts()).isEmpty();
        assertThat(standing.conclusion(CheckRunMode.GATE)).isEqualTo(TargetStanding.Conclusion.SUCCESS);
    }

    @Test
    void aHigherTargetCountsTheMustsBelowItButNotTheComputedPrerequisites() {
        Assessment assessment = ASSESSOR.assess(Repo.onGitHub().snapshot());

        TargetStanding silver = TargetStanding.of(CATALOGUE, assessment, Level.SILVER);
        TargetStanding baseline = TargetStanding.of(CATALOGUE, assessment, Level.BASELINE_1);

        assertThat(silver.unmetMusts()).contains("vulnerability_report_process").doesNotContain("achieve_passing");
        assertThat(silver.percentage()).isEqualTo(assessment.score().at(Level.SILVER).percentage());
        assertThat(baseline.unmetMusts()).doesNotContain("vulnerability_report_process");
    }
}
