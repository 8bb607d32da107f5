package dev.bpkeeper.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.accuracy.AccuracyBenchmark.LabelFile;
import dev.bpkeeper.accuracy.AccuracyBenchmark.Pin;
import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labels the accuracy benchmark measures against stay usable without the corpus: each pinned repository has a
 * label file for its own commit, and each label names a passing criterion, one of the four expected answers and
 * the evidence that justifies it.
 */
class AccuracyLabelsTest {

    private static final Set<String> EXPECTED = Set.of("Met", "Unmet", "N/A", "Unknown");

    @Test
    void everyPinnedRepositoryHasLabelsForItsPinnedCommit() throws Exception {
        List<Pin> pins = AccuracyBenchmark.corpus().repositories();
        assertThat(pins).hasSizeGreaterThanOrEqualTo(40);
        assertThat(pins.stream().map(Pin::ecosystem).distinct().count()).isGreaterThanOrEqualTo(14);
        for (Pin pin : pins) {
            LabelFile labels = AccuracyBenchmark.labels(pin);
            assertThat(labels.repository()).as("repository of %s", pin.folder()).isEqualTo(pin.repository());
            assertThat(labels.commit()).as("commit of %s", pin.repository()).isEqualTo(pin.commit());
            assertThat(labels.labels()).as("labels of %s", pin.repository()).isNotEmpty();
        }
    }

    @Test
    void everyLabelNamesAPassingCriterionAnExpectedAnswerAndItsEvidence() throws Exception {
        Set<String> passing = CatalogueLoader.fromClasspath().at(Level.PASSING).stream().map(Criterion::id)
                .collect(Collectors.toSet());
        for (Pin pin : AccuracyBenchmark.corpus().repositories()) {
            AccuracyBenchmark.labels(pin).labels().forEach((criterion, label) -> {
                String where = pin.repository() + " " + criterion;
                assertThat(passing).as(where).contains(criterion);
                assertThat(EXPECTED).as(where).contains(label.expected());
                assertThat(label.evidence()).as(where).isNotBlank();
            });
        }
    }
}
