package com.acme.governance.command.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each aggregate's stream has been relayed (its last sequence number on Kafka). The event store's global
 * order, which the relay's tracking processor follows, is by timestamp: with several command instances it may show
 * an aggregate's events out of order, or miss one; this record lets the relay keep every aggregate's stream complete
 * and in order on Kafka regardless (ADR 0002).
 *
 * <p>A cache in front of the store holds only what the store holds or held: what was read from it, and what was
 * recorded in it after Kafka acknowledged it. A failed batch records nothing, so it leaves nothing to forget. A cached
 * value can only be behind the store (another instance relayed further after this one lost the processor's claim):
 * then the relay sends some events again, which at-least-once delivery allows; it never skips one.
 */
public class RelayedSequences {

    private static final String SEQUENCE = "sequence";
    private static final int CACHED = 100_000;

    private final MongoCollection<Document> positions;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();

    public RelayedSequences(MongoCollection<Document> positions) {
        this.positions = positions;
    }

    /** The last relayed sequence number of the aggregate, -1 if none was. */
    long lastRelayed(String aggregateId) {
        Long cached = cache.get(aggregateId);
        if (cached != null) {
            return cached;
        }
        Document position = positions.find(Filters.eq("_id", aggregateId)).first();
        long sequence = position == null ? -1 : position.get(SEQUENCE, Number.class).longValue();
        remember(aggregateId, sequence);
        return sequence;
    }

    /** Records, once Kafka acknowledged them, how far these aggregates were relayed. Never moves back. */
    void record(Map<String, Long> relayed) {
        if (relayed.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        relayed.forEach((aggregateId, sequence) -> updates.add(new UpdateOneModel<>(Filters.eq("_id", aggregateId),
                Updates.max(SEQUENCE, sequence), new UpdateOptions().upsert(true))));
        positions.bulkWrite(updates);
        relayed.forEach(this::remember);
    }

    private void remember(String aggregateId, long sequence) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.merge(aggregateId, sequence, Math::max);
    }

    static Map<String, Long> newBatch() {
        return new LinkedHashMap<>();
    }
}
