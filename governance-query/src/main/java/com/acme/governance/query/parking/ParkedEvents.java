package com.acme.governance.query.parking;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.ParkCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parked records, collection {@code parked_events}: one document per Kafka record, keyed by
 * {@code <topic>-<partition>@<offset>} so that parking a redelivered record again changes nothing. Each keeps the
 * record exactly as it arrived (key, headers and value as bytes), so a retry decodes the very same record.
 */
@Component("queryParkedEvents")
public class ParkedEvents {

    static final String TOPIC = "topic";
    static final String PARTITION = "partition";
    static final String OFFSET = "offset";
    static final String TIMESTAMP = "timestamp";
    static final String KEY = "key";
    static final String AGGREGATE_ID = "aggregateId";
    static final String CATEGORY = "category";
    static final String REASON = "reason";
    static final String HELD_BEHIND = "heldBehind";
    static final String HEADERS = "headers";
    static final String VALUE = "value";
    static final String PARKED_AT = "parkedAt";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ATTEMPT_AT = "lastAttemptAt";

    private static final Bson LOG_ORDER = Sorts.ascending(TOPIC, PARTITION, OFFSET);

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> discarded;

    public ParkedEvents(ReadModelDatabase database) {
        this.collection = database.parkedEvents();
        this.discarded = database.discardedRecords();
    }

    public static String id(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** @return false when the record was parked already (a redelivery) */
    public boolean park(ConsumerRecord<String, byte[]> record, String aggregateId, ParkCategory category, String reason,
                        String heldBehind, Instant now) {
        List<Document> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new Document("key", header.key())
                    .append("value", header.value() == null ? null : new Binary(header.value())));
        }
        Document document = new Document("_id", id(record))
                .append(TOPIC, record.topic())
                .append(PARTITION, record.partition())
                .append(OFFSET, record.offset())
                .append(TIMESTAMP, record.timestamp())
                .append(KEY, record.key())
                .append(AGGREGATE_ID, aggregateId)
                .append(CATEGORY, category.code())
                .append(REASON, reason)
                .append(HELD_BEHIND, heldBehind)
                .append(HEADERS, headers)
                .append(VALUE, record.value() == null ? null : new Binary(record.value()))
                .append(PARKED_AT, Date.from(now))
                .append(ATTEMPTS, 1)
                .append(LAST_ATTEMPT_AT, Date.from(now));
        return IdempotentInsert.insertIfAbsent(collection, document);
    }

    public boolean exists(String id) {
        return collection.find(Filters.eq("_id", id)).projection(new Document("_id", 1)).first() != null;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
    }

    /** The id of the aggregate's first parked record in log order: what its later events are held behind. */
    public Optional<String> firstOf(String aggregateId) {
        Document first = collection.find(Filters.eq(AGGREGATE_ID, aggregateId)).sort(LOG_ORDER)
                .projection(new Document("_id", 1)).first();
        return first == null ? Optional.empty() : Optional.of(first.getString("_id"));
    }

    /** For each aggregate with parked records on these partitions, its first parked record. */
    public Map<String, String> heldOn(Collection<TopicPartition> partitions) {
        Map<String, String> held = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            for (Document parked : collection.find(Filters.and(Filters.eq(TOPIC, partition.topic()),
                    Filters.eq(PARTITION, partition.partition()), Filters.ne(AGGREGATE_ID, null))).sort(LOG_ORDER)
                    .projection(new Document(AGGREGATE_ID, 1))) {
                held.putIfAbsent(parked.getString(AGGREGATE_ID), parked.getString("_id"));
            }
        }
        return held;
    }

    /** An aggregate's parked records in log order; {@code aggregateId} null selects the records of no aggregate. */
    public List<Document> ofAggregate(String aggregateId) {
        return collection.find(Filters.eq(AGGREGATE_ID, aggregateId)).sort(LOG_ORDER).into(new ArrayList<>());
    }

    /** Every aggregate with parked records, in the log order of their first one (null: records of no aggregate). */
    public List<String> aggregates() {
        List<String> aggregates = new ArrayList<>();
        for (Document parked : collection.find().sort(LOG_ORDER).projection(new Document(AGGREGATE_ID, 1))) {
            String aggregateId = parked.getString(AGGREGATE_ID);
            if (!aggregates.contains(aggregateId)) {
                aggregates.add(aggregateId);
            }
        }
        return aggregates;
    }

    public List<Document> page(int page, int size) {
        return collection.find().sort(LOG_ORDER).skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long count() {
        return collection.countDocuments();
    }

    /** A retry that failed again: the record stays, with the new reason. */
    public void failedAgain(String id, ParkCategory category, String reason, String heldBehind, Instant now) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set(CATEGORY, category.code()),
                Updates.set(REASON, reason),
                Updates.set(HELD_BEHIND, heldBehind),
                Updates.inc(ATTEMPTS, 1),
                Updates.set(LAST_ATTEMPT_AT, Date.from(now))));
    }

    public boolean delete(String id) {
        return collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    /**
     * Removes a parked record for good, remembering that it was discarded (collection {@code discarded_records}, keyed
     * like this one): a rebuild that meets the record again steps over it, as the live side now does.
     */
    public void discard(Document parked, String operator, Instant now) {
        IdempotentInsert.insertIfAbsent(discarded, new Document("_id", parked.getString("_id"))
                .append(AGGREGATE_ID, parked.getString(AGGREGATE_ID))
                .append(REASON, parked.getString(REASON))
                .append("discardedBy", operator)
                .append("discardedAt", Date.from(now)));
        delete(parked.getString("_id"));
    }

    /** Whether an operator discarded this record (by {@link #id(ConsumerRecord)}). */
    public boolean wasDiscarded(String id) {
        return discarded.find(Filters.eq("_id", id)).projection(new Document("_id", 1)).first() != null;
    }

    /** The parked record as the consumer received it, for a retry. */
    static ConsumerRecord<String, byte[]> toRecord(Document parked) {
        RecordHeaders headers = new RecordHeaders();
        for (Document header : parked.getList(HEADERS, Document.class, List.of())) {
            Binary value = header.get("value", Binary.class);
            headers.add(header.getString("key"), value == null ? null : value.getData());
        }
        Binary value = parked.get(VALUE, Binary.class);
        byte[] bytes = value == null ? null : value.getData();
        Number timestamp = parked.get(TIMESTAMP, Number.class);
        return new ConsumerRecord<>(parked.getString(TOPIC), parked.getInteger(PARTITION),
                parked.get(OFFSET, Number.class).longValue(), timestamp == null ? -1 : timestamp.longValue(),
                TimestampType.CREATE_TIME, -1, bytes == null ? -1 : bytes.length, parked.getString(KEY), bytes,
                headers, Optional.empty());
    }
}
