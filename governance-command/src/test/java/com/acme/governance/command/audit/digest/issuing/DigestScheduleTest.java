package com.acme.governance.command.audit.digest.issuing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DigestScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theFirstDigestIsDueAtOnce() {
        assertThat(DigestSchedule.isDue(Optional.empty(), NOW, HOUR)).isTrue();
    }

    @Test
    void aDigestIsDueOnceTheLatestIsAWholeIntervalOld() {
        assertThat(DigestSchedule.isDue(Optional.of(NOW.minus(HOUR)), NOW, HOUR)).isTrue();
        assertThat(DigestSchedule.isDue(Optional.of(NOW.minus(HOUR).minusSeconds(1)), NOW, HOUR)).isTrue();
    }

    @Test
    void aRecentDigestWhoeverIssuedItSkipsThisLook() {
        assertThat(DigestSchedule.isDue(Optional.of(NOW.minus(HOUR).plusMillis(1)), NOW, HOUR)).isFalse();
        assertThat(DigestSchedule.isDue(Optional.of(NOW), NOW, HOUR)).isFalse();
    }
}
