package dev.bpkeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.evaluate.evaluators.Repo;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a change did against its base, and when a regression gate fails on it. */
class DeltaTest {
    static final Catalogue CATALOGUE = CatalogueLoader.fromClasspath();
    static final Assessor ASSESSOR = new Assessor(CATALOGUE, Evaluators.ALL);
    static final String POLICY = "# Security\n\nReport vulnerabilities privately through GitHub's private"
            + " vulnerability reporting.\n";
    static final String CI = ".github/workflows/ci.yml";

    static Stream<Arguments> changes() {
        UnaryOperator<Repo> none = r -> r;
        UnaryOperator<Repo> policy = r -> r.withFile("SECURITY.md", POLICY);
        UnaryOperator<Repo> pom = r -> r.withFile("pom.xml", "<project/>\n")
                .withFile("src/test/java/WidgetTest.java", "class WidgetTest {}\n");
        UnaryOperator<Repo> ci = r -> pom.apply(r).withWorkflow(CI, Set.of("push", "pull_request"), "mvn -B verify");
        return Stream.of(
                Arguments.of("nothing changed", none, none, "", "", false),
                Arguments.of("a security policy added", none, policy, "vulnerability_report_process", "", false),
                Arguments.of("the security policy deleted (a MUST at passing)", policy, none, "",
                        "vulnerability_report_process", true),
                Arguments.of("the CI test step removed (SUGGESTED: reported, never failed)", ci, pom, "",
                        "test_continuous_integration", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeIsWhatMovedAndOnlyANewlyUnmetMustFailsTheGate(String name, UnaryOperator<Repo> base,
                                                              UnaryOperator<Repo> head, String newlyMet,
                                                              String newlyUnmet, boolean fails) {
        Assessment before = ASSESSOR.assess(base.apply(Repo.onGitHub()).snapshot());
        Assessment after = ASSESSOR.assess(head.apply(Repo.onGitHub()).snapshot());

        Delta delta = delta(before, after);

        if (newlyMet.isEmpty()) {
            assertThat(delta.newly(Status.MET)).isEmpty();
        } else {
            assertThat(delta.newly(Status.MET)).contains(newlyMet);
        }
        if (newlyUnmet.isEmpty()) {
            assertThat(delta.newly(Status.UNMET)).isEmpty();
        } else {
            assertThat(delta.newly(Status.UNMET)).contains(newlyUnmet);
        }
        assertThat(delta.gate(CATALOGUE, Level.PASSING)).isEqualTo(fails ? TargetStanding.Conclusion.FAILURE
                : TargetStanding.Conclusion.SUCCESS);
        assertThat(delta.changes()).as("computed prerequisites are never a change of their own")
                .noneMatch(c -> c.id().startsWith("achieve_"));
    }

    @Test
    void anUnmetMustThatWasAlreadyUnmetIsNotARegression() {
        Assessment bare = ASSESSOR.assess(Repo.onGitHub().snapshot());

        Delta delta = delta(bare, bare);

        assertThat(bare.verdict("vulnerability_report_process").status()).isEqualTo(Status.UNMET);
        assertThat(delta.changes()).isEmpty();
        assertThat(delta.gate(CATALOGUE, Level.PASSING)).isEqualTo(TargetStanding.Conclusion.SUCCESS);
        assertThat(delta.movedLevels()).isEmpty();
    }

    @Test
    void aMustAboveTheTargetLevelNewlyUnmetIsReportedButDoesNotFailTheGate() {
        Assessment before = ASSESSOR.assess(Repo.onGitHub().withFile("SECURITY.md", POLICY).snapshot());
        Assessment after = ASSESSOR.assess(Repo.onGitHub().snapshot());

        Delta delta = delta(before, after);

        assertThat(delta.regressions(CATALOGUE, Level.PASSING)).contains("vulnerability_report_process");
        // Against a baseline target, a metal criterion is another series: not the gate's business.
        assertThat(delta.regressions(CATALOGUE, Level.BASELINE_1)).doesNotContain("vulnerability_report_process");
    }

    @Test
    void aCriterionTheBaseNeverAnsweredIsNotAChangeAndTheLevelsThatMovedAreNamed() {
        Assessment before = ASSESSOR.assess(Repo.onGitHub().snapshot());
        Assessment after = ASSESSOR.assess(Repo.onGitHub().withFile("SECURITY.md", POLICY).snapshot());
        Map<String, Status> base = statuses(before);
        base.remove("vulnerability_report_process");

        Delta delta = Delta.between(CATALOGUE, "base", base, percentages(before), after);

        assertThat(delta.changes()).noneMatch(c -> c.id().equals("vulnerability_report_process"));
        assertThat(delta.movedLevels()).contains(Level.PASSING);
        assertThat(delta.after().get(Level.PASSING)).isGreaterThan(delta.before().get(Level.PASSING));
    }

    static Delta delta(Assessment before, Assessment after) {
        return Delta.between(CATALOGUE, "0123456789abcdef", statuses(before), percentages(before), after);
    }

    static Map<String, Status> statuses(Assessment assessment) {
        Map<String, Status> statuses = new HashMap<>();
        for (Verdict verdict : assessment.verdicts().values()) {
            statuses.put(verdict.criterionId(), verdict.status());
        }
        return statuses;
    }

    static Map<Level, Integer> percentages(Assessment assessment) {
        Map<Level, Integer> percentages = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            percentages.put(level, assessment.score().at(level).percentage());
        }
        return percentages;
    }
}
