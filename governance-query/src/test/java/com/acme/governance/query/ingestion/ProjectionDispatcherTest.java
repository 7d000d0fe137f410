package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.consistency.PositionAdvancedSignal;
import com.acme.governance.query.consistency.ProjectionPositions;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.TestJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionDispatcherTest {

    private static final String ID = "sales.orders";

    private static InMemoryMongo mongo;
    private ProjectionPositions positions;
    private final List<String> applied = new ArrayList<>();

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
        positions = new ProjectionPositions(mongo.freshDatabase(), new PositionAdvancedSignal());
    }

    @Test
    void everyProjectionAppliesTheEventThenThePositionAdvances() {
        ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(recording("a"), recording("b")), positions);
        List<IncomingEvent> events = DataProductStream.fullLifecycle(ID);

        dispatcher.dispatch(events.get(0));
        dispatcher.dispatch(events.get(1));

        assertThat(applied).containsExactly("a:0", "b:0", "a:1", "b:1");
        assertThat(positions.current(ID)).isEqualTo(1);
        assertThat(positions.current("marketing.campaigns")).isEqualTo(ProjectionPositions.NONE);
    }

    @Test
    void anEventStalledAcrossASwapIsAppliedToTheNewGenerationTooOnceItsPositionIsRecorded() {
        Duration cache = Duration.ofSeconds(1);
        AtomicLong liveClock = new AtomicLong();
        String name = "dispatch_" + System.nanoTime();
        ReadModelDatabase live = new ReadModelDatabase(mongo.client().getDatabase(name), TestJson.MAPPER, cache,
                liveClock::get);
        ReadModelDatabase rebuilding = new ReadModelDatabase(mongo.client().getDatabase(name), TestJson.MAPPER, cache);
        ProjectionPositions livePositions = new ProjectionPositions(live, new PositionAdvancedSignal());
        List<Long> generationsWritten = new ArrayList<>();
        Projection stallingAcrossASwap = event -> {
            generationsWritten.add(live.generations().current());
            if (generationsWritten.size() == 1) {
                assertThat(rebuilding.generations().swap(0, 1)).isTrue();
            }
        };
        ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(stallingAcrossASwap), livePositions,
                new SimpleMeterRegistry(), live.generations());
        IncomingEvent registered = DataProductStream.fullLifecycle(ID).get(0);
        live.generations().liveNow();

        // The position write stalls past the swap's last drain (twice the cache after the swap).
        dispatcher.dispatch(registered, () -> liveClock.addAndGet(cache.multipliedBy(3).toNanos()));

        assertThat(generationsWritten).containsExactly(0L, 1L);
        assertThat(live.generations().pinned(1, () -> livePositions.current(ID))).isZero();
    }

    @Test
    void anEventRecordedSoonAfterItsGenerationWasReadIsAppliedOnce() {
        ReadModelDatabase database = mongo.freshDatabase();
        ProjectionPositions livePositions = new ProjectionPositions(database, new PositionAdvancedSignal());
        ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(recording("a")), livePositions,
                new SimpleMeterRegistry(), database.generations());

        dispatcher.dispatch(DataProductStream.fullLifecycle(ID).get(0), () -> {
        });

        assertThat(applied).containsExactly("a:0");
    }


    @Test
    void aFailingProjectionLeavesThePositionWhereItWas() {
        Projection failing = event -> {
            throw new ProjectionGapException("gap");
        };
        ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(recording("a"), failing), positions);
        List<IncomingEvent> events = DataProductStream.fullLifecycle(ID);

        assertThatThrownBy(() -> dispatcher.dispatch(events.get(0))).isInstanceOf(ProjectionGapException.class);

        assertThat(positions.current(ID)).isEqualTo(ProjectionPositions.NONE);
    }

    @Test
    void aRedeliveredOlderEventDoesNotMoveThePositionBack() {
        ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(recording("a")), positions);
        List<IncomingEvent> events = DataProductStream.fullLifecycle(ID);
        events.forEach(dispatcher::dispatch);

        dispatcher.dispatch(events.get(2));

        assertThat(positions.current(ID)).isEqualTo(5);
    }

    @Test
    void anUnknownEventTypeIsRefusedSinceSuchRecordsAreParkedBeforeTheProjections() {
        ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(recording("a")), positions);
        IncomingEvent unknown = DataProductStream.of(ID).registered().unknown("governance.dataproduct.renamed.v1").last();

        assertThatThrownBy(() -> dispatcher.dispatch(unknown)).isInstanceOf(MalformedEventException.class);

        assertThat(applied).isEmpty();
        assertThat(positions.current(ID)).isEqualTo(ProjectionPositions.NONE);
    }

    private Projection recording(String name) {
        return event -> applied.add(name + ":" + event.sequence());
    }
}
