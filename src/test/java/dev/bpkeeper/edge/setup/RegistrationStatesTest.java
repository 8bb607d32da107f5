package dev.bpkeeper.edge.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The states /setup hands out: bound to a browser, used once, short-lived, and never more than a bounded few. */
class RegistrationStatesTest {
    private final RegistrationStates states = new RegistrationStates();

    RegistrationStatesTest() {
        states.clock = Clock.fixed(Instant.parse("2026-12-08T01:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void givenAState_whenTheBrowserItWasIssuedToReturns_thenItWorksOnce() {
        RegistrationStates.Registration issued = states.issue();

        assertThat(states.consume(issued.state(), issued.browser())).isTrue();
        assertThat(states.consume(issued.state(), issued.browser())).isFalse();
    }

    @Test
    void givenAState_whenAnotherBrowserOrNoBrowserOrNothingComes_thenItIsRefused() {
        RegistrationStates.Registration mine = states.issue();
        RegistrationStates.Registration theirs = states.issue();
        RegistrationStates.Registration third = states.issue();

        assertThat(states.consume(mine.state(), theirs.browser())).isFalse();
        assertThat(states.consume(theirs.state(), null)).isFalse();
        assertThat(states.consume(null, third.browser())).isFalse();
        assertThat(states.consume("", third.browser())).isFalse();
        assertThat(states.consume(third.state(), "")).isFalse();
    }

    @Test
    void givenAStateOlderThanItsLifetime_thenItIsRefused() {
        RegistrationStates.Registration issued = states.issue();
        states.clock = Clock.offset(states.clock, RegistrationStates.LIFETIME.plusSeconds(1));

        assertThat(states.consume(issued.state(), issued.browser())).isFalse();
    }

    @Test
    void givenSetupOpenedTensOfThousandsOfTimes_thenOnlyTheNewestBoundedFewAreKept() {
        List<RegistrationStates.Registration> issued = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            issued.add(states.issue());
        }

        assertThat(states.outstanding()).isEqualTo(RegistrationStates.MAX_OUTSTANDING);
        RegistrationStates.Registration newest = issued.get(issued.size() - 1);
        RegistrationStates.Registration oldest = issued.get(0);
        assertThat(states.consume(newest.state(), newest.browser())).isTrue();
        assertThat(states.consume(oldest.state(), oldest.browser())).isFalse();
    }
}
