package com.acme.governance.query.ingestion;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteResult;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-model writes of several events, collected while the projections apply them and then sent as one ordered
 * bulk write per collection (ADR 0042), instead of a round trip per write. While a batch collects on a thread,
 * {@link SequencedDocuments} and {@link IdempotentInsert} add their writes to it rather than sending them.
 *
 * <p>A batch is written only if every write does what the events expect of it on a read model that has none of them
 * yet: each insert inserts and each conditional update matches its document. Anything else (an event applied
 * before, a gap in an aggregate's stream) makes {@link #write()} throw {@link NotWrittenAsAWhole}; the ordered bulk
 * write stopped at that point or changed nothing there, and the caller applies the events again one by one, which
 * is idempotent and says exactly which event fails.
 */
public final class ReadModelBatch {

    private static final ThreadLocal<ReadModelBatch> COLLECTING = new ThreadLocal<>();

    private final Map<MongoCollection<?>, Pending<?>> pending = new LinkedHashMap<>();
    private final List<Runnable> afterWritten = new ArrayList<>();
    private final Map<Object, Object> state = new HashMap<>();

    /** The batch collecting on this thread, if any. */
    public static Optional<ReadModelBatch> collecting() {
        return Optional.ofNullable(COLLECTING.get());
    }

    /** Runs {@code work} with this batch collecting the read-model writes it makes on this thread. */
    public void collect(Runnable work) {
        ReadModelBatch outer = COLLECTING.get();
        COLLECTING.set(this);
        try {
            work.run();
        } finally {
            if (outer == null) {
                COLLECTING.remove();
            } else {
                COLLECTING.set(outer);
            }
        }
    }

    /** An insert of a document keyed by its natural id: in a batch, the document must not be there yet. */
    public <T> void insert(MongoCollection<T> collection, T document) {
        pendingOf(collection).add(new InsertOneModel<>(document), false);
    }

    /** A conditional update: in a batch, {@code filter} must match one document when its turn comes. */
    public <T> void update(MongoCollection<T> collection, Bson filter, Bson update) {
        pendingOf(collection).add(new UpdateOneModel<>(filter, update), true);
    }

    /** Runs {@code action} once every write collected so far is written; never if the batch is not. */
    public void afterWritten(Runnable action) {
        afterWritten.add(action);
    }

    /** What a projection keeps for the length of the batch (what the batch's earlier events made, not yet stored). */
    @SuppressWarnings("unchecked")
    public <V> V state(Object key, Supplier<V> initial) {
        return (V) state.computeIfAbsent(key, ignored -> initial.get());
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Sends what was collected, one ordered bulk write per collection in the order the collections were first
     * written (a projection that writes two collections writes its primary one first), then runs what waited for it.
     *
     * @throws NotWrittenAsAWhole when a write did not do what the batch expected; the writes of the collections
     *                            after it were not sent
     */
    public void write() {
        List<Pending<?>> collections = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending<?> writes : collections) {
            writes.send();
        }
        List<Runnable> actions = List.copyOf(afterWritten);
        afterWritten.clear();
        actions.forEach(Runnable::run);
    }

    @SuppressWarnings("unchecked")
    private <T> Pending<T> pendingOf(MongoCollection<T> collection) {
        return (Pending<T>) pending.computeIfAbsent(collection, Pending::new);
    }

    /** The batch's writes could not all be made as collected: apply its events one by one instead. */
    public static final class NotWrittenAsAWhole extends RuntimeException {

        NotWrittenAsAWhole(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Pending<T> {

        private final MongoCollection<T> collection;
        private final List<WriteModel<T>> writes = new ArrayList<>();
        private int updates;

        Pending(MongoCollection<T> collection) {
            this.collection = collection;
        }

        void add(WriteModel<T> write, boolean update) {
            writes.add(write);
            if (update) {
                updates++;
            }
        }

        void send() {
            BulkWriteResult result;
            try {
                result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            } catch (MongoBulkWriteException e) {
                String first = e.getWriteErrors().isEmpty() ? e.getMessage()
                        : "the first at " + e.getWriteErrors().get(0).getIndex() + " of " + writes.size() + ": "
                        + e.getWriteErrors().get(0).getMessage();
                throw new NotWrittenAsAWhole(collection.getNamespace() + ": " + e.getWriteErrors().size()
                        + " write(s) refused, " + first, e);
            }
            if (result.getMatchedCount() != updates) {
                throw new NotWrittenAsAWhole(collection.getNamespace() + ": " + result.getMatchedCount() + " of "
                        + updates + " conditional update(s) matched", null);
            }
        }
    }
}
