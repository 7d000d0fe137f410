package com.acme.governance.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCopiesTest {

    @Test
    void aCopyIsStampedBehindTheSweepInTheOriginalsOwnFormat() {
        assertThat(HistoryCopies.behindTheSweep("2026-12-04T00:10:05.120Z")).isEqualTo("2026-12-03T23:40:05.120Z");
        assertThat(HistoryCopies.behindTheSweep("2026-12-04T21:43:00Z")).isEqualTo("2026-12-04T21:13:00Z");
        assertThat(HistoryCopies.behindTheSweep("2026-12-04T21:43:00.123456789Z"))
                .isEqualTo("2026-12-04T21:13:00.123456789Z");
        assertThat(Duration.between(Instant.parse(HistoryCopies.behindTheSweep("2026-12-04T21:43:00.5Z")),
                Instant.parse("2026-12-04T21:43:00.5Z"))).isEqualTo(HistoryCopies.BEHIND_THE_SWEEP);
    }
}
