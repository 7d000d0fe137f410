package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.IngestionProperties;
import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each partition's consumption resumes, kept in the read models' own database (collection
 * {@code consumer_positions}, {@code _id: "<group>/<topic>/<partition>"}), written only after every read-model write
 * of a record. Kafka's committed offset, which can be ahead of a store that lost writes, no longer decides where
 * we resume.
 *
 * <p>Fields: {@code offset}, the next offset after the last record applied (progress, for lag and tests);
 * {@code resume}, where a new owner starts; {@code recent}, the offset and time of the last checkpoint. A store that
 * acknowledges before its writes are durable loses its last writes in a crash, and not necessarily as a clean
 * suffix: mongo-java-server on H2 was seen keeping a later position while losing an earlier read-model write made
 * just before a background commit (the QueryCrashIT found it). So the position to resume from trails the progress
 * by a margin ({@code governance.query.ingestion.resume-margin}, 5 s by default): {@code resume} is only ever set
 * to a checkpoint taken at least that long before the write that records it. Whatever the store lost within the
 * margin is applied again after a restart, idempotently; a store with durable acknowledgements (MongoDB with
 * {@code w=majority&journal=true}) can use a margin of 0, which resumes exactly at {@code offset}.
 *
 * <p>Positions only move forward ({@code $max}): several query instances share a consumer group, and an instance
 * that lost a partition in a rebalance may still finish its last record after the new owner started.
 */
@Component("queryConsumerPositions")
public class ConsumerPositions {

    static final String OFFSET = "offset";
    static final String RESUME = "resume";
    static final String RECENT = "recent";

    private final MongoCollection<Document> collection;
    private final Duration margin;
    private final Clock clock;
    /** Per partition owned here: the last checkpoint, never one read back from the store (it may predate a loss). */
    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    private record Checkpoint(long offset, Instant at) {
    }

    @Autowired
    public ConsumerPositions(ReadModelDatabase database, IngestionProperties properties) {
        this(database, properties.resumeMargin(), Clock.systemUTC());
    }

    public ConsumerPositions(ReadModelDatabase database, Duration margin, Clock clock) {
        this.collection = database.consumerPositions();
        this.margin = margin;
        this.clock = clock;
    }

    public static String id(String group, TopicPartition partition) {
        return group + "/" + partition.topic() + "/" + partition.partition();
    }

    /** Records that every record of {@code partition} before {@code nextOffset} is in the read models. */
    public void advance(String group, TopicPartition partition, long nextOffset) {
        String id = id(group, partition);
        Instant now = clock.instant();
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("group", group),
                Updates.setOnInsert("topic", partition.topic()),
                Updates.setOnInsert("partition", partition.partition()),
                Updates.max(OFFSET, nextOffset),
                Updates.set("updatedAt", Date.from(now))));
        if (margin.isZero()) {
            updates.add(Updates.max(RESUME, nextOffset));
        } else {
            Checkpoint last = checkpoints.get(id);
            if (last == null || Duration.between(last.at(), now).compareTo(margin) >= 0) {
                if (last != null) {
                    updates.add(Updates.max(RESUME, last.offset()));
                }
                updates.add(Updates.set(RECENT, new Document(OFFSET, nextOffset).append("at", Date.from(now))));
                checkpoints.put(id, new Checkpoint(nextOffset, now));
            }
        }
        collection.updateOne(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /**
     * Where to resume: empty when no position is stored yet (resume at the beginning). Also forgets this instance's
     * checkpoint of the partition: checkpoints start again from what is re-applied after this point.
     */
    public OptionalLong resumeAt(String group, TopicPartition partition) {
        String id = id(group, partition);
        checkpoints.remove(id);
        Document position = collection.find(Filters.eq("_id", id)).first();
        if (position == null || position.get(RESUME) == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(position.get(RESUME, Number.class).longValue());
    }

    /** How far the partition was applied (the next offset to apply), empty when nothing was. */
    public OptionalLong applied(String group, TopicPartition partition) {
        Document position = collection.find(Filters.eq("_id", id(group, partition))).first();
        if (position == null || position.get(OFFSET) == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(position.get(OFFSET, Number.class).longValue());
    }
}
