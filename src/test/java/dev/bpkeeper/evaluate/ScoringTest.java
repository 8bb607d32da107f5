package dev.bpkeeper.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Category;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Remediation;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.criteria.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** bestpractices.dev's scoring rules (app/models/project.rb), pinned case by case. */
class ScoringTest {
    private static final String URL_JUSTIFICATION = "See https://github.com/acme/widget/blob/abc/SECURITY.md";

    static Requirement must(boolean naAllowed, boolean naJustification, boolean metUrl, boolean metJustification) {
        return new Requirement(Level.PASSING, Category.MUST, naAllowed, naJustification, metUrl, metJustification);
    }

    static Requirement of(Category category) {
        return new Requirement(Level.PASSING, category, false, false, false, false);
    }

    static Verdict verdict(Status status, String justification, Verdict.Source source) {
        return new Verdict("x", status, justification, List.of(), Confidence.DECISIVE, "e", source);
    }

    static Stream<Arguments> answers() {
        Verdict.Source ours = Verdict.Source.EVALUATOR;
        Verdict.Source maintainer = Verdict.Source.MAINTAINER;
        return Stream.of(
                Arguments.of("Met, nothing required", must(false, false, false, false), verdict(Status.MET, "", ours), true),
                Arguments.of("Met needing a URL, justification without one", must(false, false, true, false),
                        verdict(Status.MET, "We have a policy.", ours), false),
                Arguments.of("Met needing a URL, justification with one", must(false, false, true, false),
                        verdict(Status.MET, URL_JUSTIFICATION, ours), true),
                Arguments.of("Met needing a URL, a bare host is not a URL", must(false, false, true, false),
                        verdict(Status.MET, "see http://localhost", ours), false),
                Arguments.of("Met needing text, too short", must(false, false, false, true),
                        verdict(Status.MET, "yes", ours), false),
                Arguments.of("Met needing text, a comment placeholder", must(false, false, false, true),
                        verdict(Status.MET, "// TODO explain", ours), false),
                Arguments.of("Met needing text, five characters", must(false, false, false, true),
                        verdict(Status.MET, "Done.", ours), true),
                Arguments.of("N/A where not allowed", must(false, false, false, false),
                        verdict(Status.NOT_APPLICABLE, "No native code.", ours), false),
                Arguments.of("N/A allowed", must(true, false, false, false),
                        verdict(Status.NOT_APPLICABLE, "", ours), true),
                Arguments.of("N/A needing a justification, none", must(true, true, false, false),
                        verdict(Status.NOT_APPLICABLE, "", ours), false),
                Arguments.of("N/A needing a justification, given", must(true, true, false, false),
                        verdict(Status.NOT_APPLICABLE, "No native code.", ours), true),
                Arguments.of("Unmet MUST never counts", of(Category.MUST),
                        verdict(Status.UNMET, "We decided not to.", maintainer), false),
                Arguments.of("Unmet SUGGESTED always counts", of(Category.SUGGESTED), verdict(Status.UNMET, "", ours), true),
                Arguments.of("Unmet SHOULD with a maintainer's reason", of(Category.SHOULD),
                        verdict(Status.UNMET, "Too costly for us.", maintainer), true),
                Arguments.of("Unmet SHOULD with a maintainer's too-short reason", of(Category.SHOULD),
                        verdict(Status.UNMET, "no", maintainer), false),
                Arguments.of("Unmet SHOULD with only our 'not found'", of(Category.SHOULD),
                        verdict(Status.UNMET, "No linter configuration was found.", ours), false),
                Arguments.of("Unknown never counts", of(Category.SUGGESTED), verdict(Status.UNKNOWN, "?", ours), false));
    }

    @ParameterizedTest(name = "{0} → counts: {3}")
    @MethodSource("answers")
    void countsAnAnswerAsBestPracticesDevDoes(String scenario, Requirement requirement, Verdict verdict,
                                              boolean expected) {
        assertThat(Scoring.counts(requirement, verdict)).isEqualTo(expected);
    }

    @Test
    void percentagesRoundAndStopAt99UntilEverythingCounts() {
        assertThat(Scoring.percentage(0, 67)).isZero();
        assertThat(Scoring.percentage(1, 3)).isEqualTo(33);
        assertThat(Scoring.percentage(2, 3)).isEqualTo(67);
        assertThat(Scoring.percentage(66, 67)).isEqualTo(99);
        assertThat(Scoring.percentage(67, 67)).isEqualTo(100);
        assertThat(Scoring.percentage(0, 0)).as("a level with no criteria is complete").isEqualTo(100);
    }

    @Test
    void theBadgeShowsTheHighestCompleteLevelAndTheTieredPercentageChainsLevels() {
        Catalogue catalogue = tinyCatalogue();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("p1", verdict(Status.MET, "", Verdict.Source.EVALUATOR));
        verdicts.put("p2", verdict(Status.UNMET, "", Verdict.Source.EVALUATOR));
        verdicts.put("s1", verdict(Status.MET, "", Verdict.Source.EVALUATOR));
        verdicts.put("b1", verdict(Status.MET, "", Verdict.Source.EVALUATOR));
        verdicts.put("b2", verdict(Status.MET, "", Verdict.Source.EVALUATOR));

        Score halfPassing = Scoring.score(catalogue, verdicts);
        assertThat(halfPassing.tieredPercentage()).isEqualTo(50);
        assertThat(halfPassing.badge()).isEqualTo("in_progress");
        assertThat(halfPassing.at(Level.SILVER).percentage()).as("silver counts on its own").isEqualTo(100);
        assertThat(halfPassing.at(Level.PASSING).blocking()).containsExactly("p2");

        verdicts.put("p2", verdict(Status.MET, "", Verdict.Source.EVALUATOR));
        Score gold = Scoring.score(catalogue, verdicts);
        assertThat(gold.tieredPercentage()).isEqualTo(300);
        assertThat(gold.badge()).isEqualTo("gold");

        verdicts.put("s1", verdict(Status.UNKNOWN, "", Verdict.Source.NOBODY));
        Score passing = Scoring.score(catalogue, verdicts);
        assertThat(passing.badge()).isEqualTo("passing");
        assertThat(passing.tieredPercentage()).isEqualTo(100);
    }

    @Test
    void baselineLevelsAreChainedEvenWhenAHigherLevelIsComplete() {
        Catalogue catalogue = tinyCatalogue();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("b1", verdict(Status.UNMET, "", Verdict.Source.EVALUATOR));
        verdicts.put("b2", verdict(Status.MET, "", Verdict.Source.EVALUATOR));

        Score score = Scoring.score(catalogue, verdicts);

        assertThat(score.at(Level.BASELINE_2).achieved()).isTrue();
        assertThat(score.baselineBadge()).as("baseline-2 without baseline-1 is not earned").isEqualTo("in_progress");
        assertThat(score.baselineTieredPercentage()).isZero();
    }

    /** passing: p1, p2 · silver: s1 · gold: none · baseline-1: b1 · baseline-2: b2 · baseline-3: none. */
    private static Catalogue tinyCatalogue() {
        Map<String, Criterion> byId = new LinkedHashMap<>();
        Map<Level, List<String>> order = new LinkedHashMap<>();
        add(byId, order, "p1", Level.PASSING);
        add(byId, order, "p2", Level.PASSING);
        add(byId, order, "s1", Level.SILVER);
        add(byId, order, "b1", Level.BASELINE_1);
        add(byId, order, "b2", Level.BASELINE_2);
        return new Catalogue(byId, order);
    }

    private static void add(Map<String, Criterion> byId, Map<Level, List<String>> order, String id, Level level) {
        byId.put(id, new Criterion(id, level.series(), Optional.empty(), "Section", "Description",
                "https://www.bestpractices.dev/en/criteria/0#0." + id,
                List.of(new Requirement(level, Category.MUST, false, false, false, false)), Automation.DECISIVE,
                Optional.of("e"), new Remediation("Do it.", Optional.empty(), Optional.empty())));
        order.computeIfAbsent(level, l -> new ArrayList<>()).add(id);
    }
}
