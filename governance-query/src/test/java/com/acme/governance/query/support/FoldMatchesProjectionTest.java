package com.acme.governance.query.support;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A read model's pure fold, which answers {@code ?asOf=}, and its projection, which writes today's state with update
 * operators, must never disagree: after every event of every stream, the projected document read back is the fold of
 * the same events.
 *
 * @param <V> the read model's record
 */
public abstract class FoldMatchesProjectionTest<V> {

    private static InMemoryMongo mongo;
    protected final EventPayloads payloads = new EventPayloads(TestJson.MAPPER);

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    protected abstract Projection projection(ReadModelDatabase database);

    protected abstract ReadModelIndexes indexes();

    /** The projected record of an aggregate, read back as the controller reads it. */
    protected abstract V read(ReadModelDatabase database, String aggregateId);

    protected abstract V fold(V before, IncomingEvent event, Object payload);

    /** Streams that together hold every event type, both revisions of a superseded one, and an unknown type. */
    protected abstract List<List<IncomingEvent>> streams();

    @TestFactory
    Stream<DynamicTest> afterEveryEventTheFoldIsWhatTheProjectionWrote() {
        return streams().stream().flatMap(stream -> IntStream.rangeClosed(1, stream.size()).mapToObj(count -> {
            List<IncomingEvent> events = stream.subList(0, count);
            IncomingEvent last = events.get(count - 1);
            return dynamicTest(last.aggregateId() + " up to " + last.sequence() + " (" + last.type() + ")", () -> {
                ReadModelDatabase database = mongo.freshDatabase();
                indexes().createIndexes(database);
                Projection projection = projection(database);
                events.forEach(projection::apply);

                assertThat(folded(events)).isEqualTo(read(database, last.aggregateId()));
            });
        }));
    }

    private V folded(List<IncomingEvent> events) {
        V state = null;
        for (IncomingEvent event : events) {
            state = fold(state, event, event.eventClass().map(c -> payloads.read(event, c)).orElse(null));
        }
        return state;
    }
}
