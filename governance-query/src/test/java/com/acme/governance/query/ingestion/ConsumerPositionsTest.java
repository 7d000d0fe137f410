package com.acme.governance.query.ingestion;

import com.acme.governance.edge.testing.MovableClock;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.RelayRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resume position trails the progress by the margin: it is only ever a checkpoint taken at least that long
 * before the write that records it, so whatever a store lost in its last moments before a crash is re-applied.
 */
class ConsumerPositionsTest {

    private static final TopicPartition PARTITION = new TopicPartition(RelayRecords.TOPIC, 0);
    private static final String GROUP = "governance-query";

    private static InMemoryMongo mongo;
    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void theResumePositionIsACheckpointAtLeastTheMarginOlderThanTheWriteThatRecordsIt() {
        ConsumerPositions positions = new ConsumerPositions(mongo.freshDatabase(), Duration.ofSeconds(5), clock);

        positions.advance(GROUP, PARTITION, 1);
        clock.advance(Duration.ofSeconds(1));
        for (long next = 2; next <= 10; next++) {
            positions.advance(GROUP, PARTITION, next);
        }
        assertThat(positions.applied(GROUP, PARTITION)).hasValue(10);
        assertThat(positions.resumeAt(GROUP, PARTITION)).as("nothing is old enough yet: from the beginning").isEmpty();

        clock.advance(Duration.ofSeconds(4));
        positions.advance(GROUP, PARTITION, 11);
        clock.advance(Duration.ofSeconds(5));
        positions.advance(GROUP, PARTITION, 20);

        assertThat(positions.resumeAt(GROUP, PARTITION)).hasValue(11);
        assertThat(positions.applied(GROUP, PARTITION)).hasValue(20);
    }

    @Test
    void afterARestartNoCheckpointFromBeforeItIsTrusted() {
        ConsumerPositions positions = new ConsumerPositions(mongo.freshDatabase(), Duration.ofSeconds(5), clock);
        positions.advance(GROUP, PARTITION, 10);
        clock.advance(Duration.ofSeconds(5));
        positions.advance(GROUP, PARTITION, 20); // resume 10, checkpoint 20 (whose writes may be lost in a crash)

        // crash, restart: another instance takes the partition, re-applies from 10
        ConsumerPositions sameStore = positions;
        assertThat(sameStore.resumeAt(GROUP, PARTITION)).hasValue(10);
        clock.advance(Duration.ofSeconds(60));
        sameStore.advance(GROUP, PARTITION, 11);
        assertThat(sameStore.resumeAt(GROUP, PARTITION)).as("checkpoint 20 predates the restart").hasValue(10);
    }

    @Test
    void withoutAMarginThePartitionResumesExactlyAtItsProgressAndNeverMovesBack() {
        ConsumerPositions positions = new ConsumerPositions(mongo.freshDatabase(), Duration.ZERO, clock);

        positions.advance(GROUP, PARTITION, 10);
        positions.advance(GROUP, PARTITION, 4); // a former owner finishing late

        assertThat(positions.resumeAt(GROUP, PARTITION)).hasValue(10);
        assertThat(positions.applied(GROUP, PARTITION)).hasValue(10);
        assertThat(positions.resumeAt("another-group", PARTITION)).isEmpty();
    }
}
