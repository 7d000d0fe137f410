package com.acme.governance.command.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep reads its whole window once every full interval, and only the recent part of it in between. */
class RelaySweepTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final RelaySweep sweep = new RelaySweep(null, null, null, new GovernanceTopicProperties(
            "governance.events", 3, (short) 1, 1_000_000, Duration.ofSeconds(10), Duration.ofMinutes(10),
            Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5)));

    @Test
    void theFirstSweepReadsTheWholeWindow() {
        assertThat(sweep.windowAt(START)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void sweepsWithinTheFullIntervalReadTheRecentWindowAndTheNextAfterItTheWholeOne() {
        sweep.windowAt(START);

        assertThat(sweep.windowAt(START.plusSeconds(10))).isEqualTo(Duration.ofMinutes(1));
        assertThat(sweep.windowAt(START.plusSeconds(299))).isEqualTo(Duration.ofMinutes(1));
        assertThat(sweep.windowAt(START.plusSeconds(300))).isEqualTo(Duration.ofMinutes(10));
        assertThat(sweep.windowAt(START.plusSeconds(310))).isEqualTo(Duration.ofMinutes(1));
    }
}
