package com.acme.governance.query.consistency;

import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far the read models got, per aggregate: collection {@code projection_positions},
 * {@code {_id: aggregateId, sequence: long}}. Shared by every query instance, since another instance may own
 * the partition of an aggregate.
 */
@Component("queryProjectionPositions")
public class ProjectionPositions {

    /** Position of an aggregate of which no event was applied. */
    public static final long NONE = -1;

    private static final String SEQUENCE = "sequence";

    private final MongoCollection<Document> collection;
    private final PositionAdvancedSignal signal;

    public ProjectionPositions(ReadModelDatabase database, PositionAdvancedSignal signal) {
        this.collection = database.projectionPositions();
        this.signal = signal;
    }

    /**
     * Moves forward only: a redelivered older event leaves the position where it is.
     *
     * @return whether the position moved, false for an event that was applied before (a redelivery)
     */
    public boolean advance(String aggregateId, long sequence) {
        UpdateResult result = collection.updateOne(Filters.eq("_id", aggregateId), Updates.max(SEQUENCE, sequence),
                new UpdateOptions().upsert(true));
        signal.signal();
        return result.getUpsertedId() != null || result.getModifiedCount() > 0;
    }

    /** {@link #advance} of several aggregates in one bulk write: each to its last sequence given. */
    public void advanceAll(Map<String, Long> lastSequences) {
        if (lastSequences.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> advances = new ArrayList<>(lastSequences.size());
        lastSequences.forEach((aggregateId, sequence) -> advances.add(new UpdateOneModel<>(
                Filters.eq("_id", aggregateId), Updates.max(SEQUENCE, sequence), new UpdateOptions().upsert(true))));
        collection.bulkWrite(advances, new BulkWriteOptions().ordered(false));
        signal.signal();
    }

    public long current(String aggregateId) {
        Document position = collection.find(Filters.eq("_id", aggregateId))
                .projection(Projections.include(SEQUENCE))
                .first();
        if (position == null) {
            return NONE;
        }
        Number sequence = position.get(SEQUENCE, Number.class);
        return sequence == null ? NONE : sequence.longValue();
    }
}
