package com.acme.governance.query.support;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.ProjectionGapException;
import com.acme.governance.query.ingestion.ReadModelBatch;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What every projection promises (see {@link Projection}), checked over the streams its test names: an event applied
 * twice changes nothing; replaying the log, into the populated read model or into an empty one, gives the same read
 * model; and an event whose predecessor is missing is a gap: a read model that follows each aggregate's sequence
 * refuses it and changes nothing until the gap is filled, the event log keeps it as it comes. Each projection's test
 * extends this with its own streams and adds the rules of its read model.
 */
public abstract class ProjectionContractTest {

    private static InMemoryMongo mongo;

    protected ReadModelDatabase database;
    protected Projection projection;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    /** The projection under test, over {@code database}. */
    protected abstract Projection projection(ReadModelDatabase database);

    /** The indexes its feature declares: every test runs with them. */
    protected abstract ReadModelIndexes indexes();

    /**
     * Whole streams of the aggregates it follows, each in sequence order: together every event type it handles, and
     * one it does not know.
     */
    protected abstract List<List<IncomingEvent>> streams();

    /** Every collection it writes. */
    protected abstract List<String> collections();

    /** False for a projection that keeps every event whatever its predecessors, as the event log does. */
    protected boolean followsEachAggregatesSequence() {
        return true;
    }

    @BeforeEach
    void freshReadModel() {
        database = mongo.freshDatabase();
        indexes().createIndexes(database);
        projection = projection(database);
    }

    @TestFactory
    Stream<DynamicTest> theSameEventAppliedTwiceChangesNothing() {
        return everyEvent((stream, index) -> dynamicTest("again " + name(stream.get(index)), () -> {
            freshReadModel();
            apply(stream.subList(0, index + 1));
            Map<String, List<Document>> afterFirstDelivery = readModel();

            projection.apply(stream.get(index));

            assertThat(readModel()).isEqualTo(afterFirstDelivery);
        }));
    }

    @Test
    void replayingTheLogIntoThePopulatedReadModelChangesNothing() {
        apply(interleaved());
        Map<String, List<Document>> populated = readModel();
        assertThat(populated.values()).as("what the streams wrote").anySatisfy(documents -> assertThat(documents).isNotEmpty());

        apply(interleaved());

        assertThat(readModel()).isEqualTo(populated);
    }

    @Test
    void rebuildingFromTheStartGivesTheSameReadModelWhateverTheOrderOfTheAggregates() {
        apply(interleaved());
        List<IncomingEvent> lastAggregateFirst = new ArrayList<>();
        streams().forEach(stream -> lastAggregateFirst.addAll(0, stream));

        assertThat(readModelAfter(lastAggregateFirst)).isEqualTo(readModel());
    }

    @TestFactory
    Stream<DynamicTest> anEventAfterAGapIsRefusedUntilTheGapIsFilled() {
        return everyEvent((stream, index) -> index + 1 < stream.size(), (stream, index) -> {
            IncomingEvent missing = stream.get(index);
            IncomingEvent next = stream.get(index + 1);
            return dynamicTest("without " + name(missing) + ", then " + name(next), () -> {
                freshReadModel();
                apply(stream.subList(0, index));
                Map<String, List<Document>> before = readModel();

                if (followsEachAggregatesSequence()) {
                    assertThatThrownBy(() -> projection.apply(next))
                            .isInstanceOf(ProjectionGapException.class)
                            .hasMessageContaining(next.aggregateId());
                    assertThat(readModel()).as("nothing written").isEqualTo(before);
                } else {
                    projection.apply(next);
                }
                projection.apply(missing);
                projection.apply(next);

                assertThat(readModel()).isEqualTo(readModelAfter(stream.subList(0, index + 2)));
            });
        });
    }

    @Test
    void theLogWrittenAsOneBatchMakesTheReadModelOfItsEventsAppliedOneByOne() {
        assertThat(projection.writesInBatches()).as("every projection of the product writes in batches").isTrue();
        List<IncomingEvent> log = interleaved();

        inOneBatch(log).write();

        assertThat(readModel()).isEqualTo(readModelAfter(log));
    }

    @TestFactory
    Stream<DynamicTest> aBatchRedeliveringAnEventIsNotWrittenAsAWholeAndOneByOneMendsIt() {
        return everyEvent((stream, index) -> dynamicTest("redelivering " + name(stream.get(index)), () -> {
            freshReadModel();
            apply(stream.subList(0, index + 1));

            assertThatThrownBy(() -> inOneBatch(stream.subList(index, stream.size())).write())
                    .isInstanceOf(ReadModelBatch.NotWrittenAsAWhole.class);
            apply(stream);

            assertThat(readModel()).isEqualTo(readModelAfter(stream));
        }));
    }

    @TestFactory
    Stream<DynamicTest> aBatchWithAGapIsNotWrittenAsAWholeAndNothingPastTheGapIsWritten() {
        return everyEvent((stream, index) -> index + 1 < stream.size(), (stream, index) -> {
            List<IncomingEvent> withoutOne = new ArrayList<>(stream);
            IncomingEvent missing = withoutOne.remove(index);
            return dynamicTest("without " + name(missing), () -> {
                freshReadModel();

                assertThatThrownBy(() -> inOneBatch(withoutOne).write()).isInstanceOfAny(
                        ReadModelBatch.NotWrittenAsAWhole.class, ProjectionGapException.class);
                Map<String, List<Document>> beforeTheGap = readModelAfter(stream.subList(0, index));
                readModel().forEach((collection, documents) -> assertThat(beforeTheGap.get(collection))
                        .as("every document the batch wrote to %s is as the events before the gap make it", collection)
                        .containsAll(documents));
                apply(stream);

                assertThat(readModel()).isEqualTo(readModelAfter(stream));
            });
        });
    }

    /** The events applied with a batch collecting their writes, not written yet. */
    private ReadModelBatch inOneBatch(List<IncomingEvent> events) {
        ReadModelBatch batch = new ReadModelBatch();
        batch.collect(() -> events.forEach(projection::apply));
        return batch;
    }

    /** Every collection it writes, each in {@code _id} order, exactly as stored. */
    protected Map<String, List<Document>> readModel() {
        return readModelOf(database);
    }

    private Map<String, List<Document>> readModelOf(ReadModelDatabase database) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections()) {
            documents.put(collection, database.collection(collection, Document.class).find()
                    .sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return documents;
    }

    protected void apply(List<IncomingEvent> events) {
        events.forEach(projection::apply);
    }

    /** The streams' events as several partitions would deliver them: in order per aggregate, alternating between them. */
    protected List<IncomingEvent> interleaved() {
        List<List<IncomingEvent>> streams = streams();
        List<IncomingEvent> merged = new ArrayList<>();
        for (int i = 0; i < streams.stream().mapToInt(List::size).max().orElse(0); i++) {
            for (List<IncomingEvent> stream : streams) {
                if (i < stream.size()) {
                    merged.add(stream.get(i));
                }
            }
        }
        return merged;
    }

    /** The read model that {@code events} make in a database of their own. */
    private Map<String, List<Document>> readModelAfter(List<IncomingEvent> events) {
        ReadModelDatabase other = mongo.freshDatabase();
        Projection another = projection(other);
        events.forEach(another::apply);
        return readModelOf(other);
    }

    private Stream<DynamicTest> everyEvent(EventCase<DynamicTest> test) {
        return everyEvent((stream, index) -> true, test);
    }

    private Stream<DynamicTest> everyEvent(EventCase<Boolean> applies, EventCase<DynamicTest> test) {
        return streams().stream().flatMap(stream -> IntStream.range(0, stream.size())
                .filter(index -> applies.of(stream, index))
                .mapToObj(index -> test.of(stream, index)));
    }

    private static String name(IncomingEvent event) {
        return event.aggregateId() + ":" + event.sequence() + " (" + event.type() + ")";
    }

    @FunctionalInterface
    private interface EventCase<T> {
        T of(List<IncomingEvent> stream, int index);
    }
}
