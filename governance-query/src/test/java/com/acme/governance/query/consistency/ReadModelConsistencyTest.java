package com.acme.governance.query.consistency;

import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadModelConsistencyTest {

    private static final GovernanceToken TOKEN = new GovernanceToken("sales.orders", 3);
    private static final Duration LONG = Duration.ofMinutes(1);

    private static InMemoryMongo mongo;
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private PositionAdvancedSignal signal;
    private ProjectionPositions positions;
    /** What another instance sees: the same positions collection, but its own in-process signal. */
    private ProjectionPositions positionsOfAnotherInstance;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshPositions() {
        var database = mongo.freshDatabase();
        signal = new PositionAdvancedSignal();
        positions = new ProjectionPositions(database, signal);
        positionsOfAnotherInstance = new ProjectionPositions(database, new PositionAdvancedSignal());
    }

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void aPositionAlreadyReachedAnswersAtOnce() throws InterruptedException {
        positions.advance("sales.orders", 5);
        ReadModelConsistency consistency = new ReadModelConsistency(positions, signal, LONG, LONG);

        long started = System.nanoTime();
        assertThat(consistency.awaitReached(TOKEN)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPositionReachedLaterHereReleasesTheWaitThroughTheSignal() {
        // polling so rarely that only the in-process signal can release the reader within the test's patience
        ReadModelConsistency consistency = new ReadModelConsistency(positions, signal, LONG, LONG);
        positions.advance("sales.orders", 2);
        CompletableFuture<Boolean> read = waitInBackground(consistency);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());

        positions.advance("sales.orders", 3);

        await().atMost(Duration.ofSeconds(5)).until(read::isDone);
        assertThat(read.join()).isTrue();
    }

    @Test
    void anEarlierPositionDoesNotReleaseTheWait() {
        ReadModelConsistency consistency = new ReadModelConsistency(positions, signal, LONG, Duration.ofMillis(20));
        CompletableFuture<Boolean> read = waitInBackground(consistency);

        positions.advance("sales.orders", 2);
        positions.advance("marketing.campaigns", 9);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
    }

    @Test
    void aPositionReachedByAnotherInstanceIsSeenByPolling() {
        ReadModelConsistency consistency = new ReadModelConsistency(positions, signal, LONG, Duration.ofMillis(50));
        CompletableFuture<Boolean> read = waitInBackground(consistency);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());

        positionsOfAnotherInstance.advance("sales.orders", 3);

        await().atMost(Duration.ofSeconds(5)).until(read::isDone);
        assertThat(read.join()).isTrue();
    }

    @Test
    void aPositionNeverReachedTimesOut() {
        Duration timeout = Duration.ofMillis(300);
        ReadModelConsistency consistency = new ReadModelConsistency(positions, signal, timeout, Duration.ofMillis(50));
        positions.advance("sales.orders", 2);

        long started = System.nanoTime();
        CompletableFuture<Boolean> read = waitInBackground(consistency);

        await().atMost(Duration.ofSeconds(5)).until(read::isDone);
        assertThat(read.join()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(timeout);
    }

    private CompletableFuture<Boolean> waitInBackground(ReadModelConsistency consistency) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return consistency.awaitReached(TOKEN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, readers);
    }
}
