package dev.bpkeeper.act.fixup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixupMemoryTest {
    private static final ProposedFile SECURITY = new ProposedFile("SECURITY.md", "SECURITY.md",
            Set.of("vulnerability_report_process"));

    @Test
    void aFileNeverProposedMayBeProposed() {
        assertThat(FixupMemory.none().mayPropose(SECURITY)).isTrue();
    }

    @Test
    void aDeclinedFileIsNotProposedAgainForTheSameReasons() {
        FixupMemory memory = declined(Set.of("vulnerability_report_process", "OSPS-VM-02.01"));

        assertThat(memory.mayPropose(SECURITY)).isFalse();
    }

    @Test
    void aDeclinedFileMayComeBackWhenACriterionItSatisfiesIsNewlyUnmet() {
        FixupMemory memory = declined(Set.of("OSPS-VM-02.01"));

        assertThat(memory.mayPropose(SECURITY)).isTrue();
    }

    @Test
    void aMergedFileThatWasRemovedLaterIsNotProposedAgain() {
        FixupMemory memory = FixupMemory.none().withOpen(open()).closed(open(), FixupMemory.Kind.MERGED);

        assertThat(memory.mayPropose(SECURITY)).isFalse();
        assertThat(memory.open()).isEmpty();
        assertThat(memory.remembered().get("SECURITY.md").kind()).isEqualTo(FixupMemory.Kind.MERGED);
    }

    @Test
    void aFileThatSatisfiesNoCriterionIsNeverProposedAgainOnceDeclined() {
        ProposedFile answers = new ProposedFile(".bestpractices.json", ".bestpractices.json", Set.of());
        FixupMemory memory = FixupMemory.none().closed(new FixupMemory.OpenPull(1, "abc",
                Map.of(".bestpractices.json", Set.of()), false), FixupMemory.Kind.DECLINED);

        assertThat(memory.mayPropose(answers)).isFalse();
    }

    private static FixupMemory declined(Set<String> reasons) {
        return FixupMemory.none().closed(new FixupMemory.OpenPull(1, "abc", Map.of("SECURITY.md", reasons), false),
                FixupMemory.Kind.DECLINED);
    }

    private static FixupMemory.OpenPull open() {
        return new FixupMemory.OpenPull(7, "abc", Map.of("SECURITY.md", SECURITY.reasons()), false);
    }

    @Test
    void noneHasNothingOpenAndRemembersNothing() {
        assertThat(FixupMemory.none().open()).isEqualTo(Optional.empty());
        assertThat(FixupMemory.none().remembered()).isEmpty();
    }
}
