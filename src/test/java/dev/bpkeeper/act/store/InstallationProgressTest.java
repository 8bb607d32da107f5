package dev.bpkeeper.act.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstallationProgressTest {
    static final Instant START = Instant.parse("2026-12-03T22:00:00Z");

    static Stream<Arguments> progresses() {
        return Stream.of(
                Arguments.of("just started", 0, 0, 1000, false, "0 of 1000 repositories evaluated"),
                Arguments.of("a quarter", 250, 0, 1000, false, "250 of 1000 repositories evaluated"),
                Arguments.of("all done", 1000, 0, 1000, true, "all 1000 repositories evaluated"),
                Arguments.of("done, some failed", 998, 2, 1000, true, "998 of 1000 repositories evaluated, 2 failed"),
                Arguments.of("an installation without repositories", 0, 0, 0, true, "all 0 repositories evaluated"));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @MethodSource("progresses")
    void theSummarySaysHowFarTheInstallationHasCome(String name, int evaluated, int failed, int total, boolean done,
                                                   String summary) {
        InstallationStore.Progress progress = new InstallationStore.Progress(evaluated, failed, total, START,
                done ? Optional.of(START.plusSeconds(60)) : Optional.empty());

        assertThat(progress.summary()).isEqualTo(summary);
        assertThat(progress.done()).isEqualTo(done);
    }
}
