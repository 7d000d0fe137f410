package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.OptionalLong;

/**
 * Where each partition's consumption resumes, kept in the read models' own database (collection
 * {@code consumer_positions}, {@code {_id: "<group>/<topic>/<partition>", offset: <next offset to read>}}).
 *
 * <p>A record's position is written only after every read-model write of that record. A store that keeps its writes
 * in order therefore never holds a position ahead of its read models, even when it loses its last writes in a
 * crash: whatever it lost is simply consumed again, and the projections' idempotency absorbs what it had kept.
 * Kafka's committed offset, which can be ahead of a store that lost writes, no longer decides where we resume.
 *
 * <p>Positions only move forward ({@code $max}): several query instances share a consumer group, and an instance
 * that lost a partition in a rebalance may still finish its last record after the new owner started; neither can
 * move the other's progress back.
 */
@Component("queryConsumerPositions")
public class ConsumerPositions {

    static final String OFFSET = "offset";

    private final MongoCollection<Document> collection;

    public ConsumerPositions(ReadModelDatabase database) {
        this.collection = database.consumerPositions();
    }

    public static String id(String group, TopicPartition partition) {
        return group + "/" + partition.topic() + "/" + partition.partition();
    }

    /** Records that every record of {@code partition} before {@code nextOffset} is in the read models. */
    public void advance(String group, TopicPartition partition, long nextOffset) {
        collection.updateOne(Filters.eq("_id", id(group, partition)),
                Updates.combine(
                        Updates.setOnInsert("group", group),
                        Updates.setOnInsert("topic", partition.topic()),
                        Updates.setOnInsert("partition", partition.partition()),
                        Updates.max(OFFSET, nextOffset),
                        Updates.set("updatedAt", new Date())),
                new UpdateOptions().upsert(true));
    }

    /** The next offset to read, or empty when nothing of the partition was ever applied for this group. */
    public OptionalLong next(String group, TopicPartition partition) {
        Document position = collection.find(Filters.eq("_id", id(group, partition))).first();
        if (position == null || position.get(OFFSET) == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(position.get(OFFSET, Number.class).longValue());
    }
}
