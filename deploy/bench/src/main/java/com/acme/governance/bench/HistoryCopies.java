package com.acme.governance.bench;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.api.audit.HashChain;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grows the history past what the commands make in a run's time: the history as it stands when first asked (every
 * event in the store, with its record on the topic) is copied, again and again, under new aggregate and event ids,
 * straight into the event store (insertMany, majority and journal, as the product acknowledges) and onto the topic
 * (acks=all, idempotent), each copy sealed in a hash chain of its own that {@code /audit/verify} checks like any
 * other. The copies are the product's own events, relayed as the relay relays them, but no command decided them: the
 * command side never sees them, since each is stamped {@link #BEHIND_THE_SWEEP} before the event it copies, older than
 * every processor's look-back and than the relay's sweep window (which re-relayed copies of the last ten minutes'
 * events, as missed by tracking, when they kept their originals' times); the read side ingests them from the topic as
 * it would any backlog.
 *
 * <p>An aggregate is copied whole or not at all: one named by the run (products, policies) takes the run's tag with
 * the copy's number, one named by a UUID (access requests) a UUID derived from it and the number; any other (the
 * audit ledger) is not copied.
 */
final class HistoryCopies implements AutoCloseable {

    private static final String EVENT_DATABASE = "governance_events";
    private static final String EVENT_COLLECTION = "domainevents";
    private static final int BATCH = 1_000;
    /** Beyond the relay's sweep window (10 minutes by default, ADR 0013) and every processor's look-back. */
    static final Duration BEHIND_THE_SWEEP = Duration.ofMinutes(30);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kafka;
    private final String run;
    private final MongoClient mongo;
    private final MongoCollection<Document> events;
    private List<Original> originals;
    private int copies;

    /** An event of the history copied, as stored and as relayed. */
    private record Original(Document stored, ConsumerRecord<byte[], byte[]> relayed) {
    }

    HistoryCopies(String kafka, String mongoUri, String run) {
        this.kafka = kafka;
        this.run = run;
        this.mongo = MongoClients.create(mongoUri);
        this.events = mongo.getDatabase(EVENT_DATABASE).getCollection(EVENT_COLLECTION)
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /** How many copies were made so far. */
    int copies() {
        return copies;
    }

    /** How many events the history held when it was first copied; 0 before. */
    int originalEvents() {
        return originals == null ? 0 : originals.size();
    }

    /** Copies the history until the store holds at least {@code size} events. */
    void growTo(long size, Consumer<String> progress) throws Exception {
        long stored = events.estimatedDocumentCount();
        if (stored >= size) {
            return;
        }
        if (originals == null) {
            originals = originals();
            if (originals.isEmpty()) {
                throw new IllegalStateException("nothing to copy: grow the history through the commands first");
            }
        }
        long start = System.nanoTime();
        long before = stored;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            while (stored < size) {
                copies++;
                Map<String, String> heads = new HashMap<>();
                List<Document> documents = new ArrayList<>(BATCH);
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>(BATCH);
                for (Original original : originals) {
                    copy(original, copies, heads, documents, records);
                    if (documents.size() == BATCH) {
                        stored += write(documents, records, producer);
                    }
                }
                stored += write(documents, records, producer);
                progress.accept(String.format(Locale.ROOT, "copying the history: copy %d, %,d of %,d events stored, "
                        + "%.0f events/s", copies, stored, size, (stored - before) / seconds(start)));
            }
        }
    }

    /** The store's events whose aggregates can be copied whole, each with its record, in the store's order. */
    private List<Original> originals() {
        Map<String, ConsumerRecord<byte[], byte[]>> relayed = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : GovernanceTopic.read(kafka, Integer.MAX_VALUE)) {
            relayed.put(GovernanceTopic.header(record.headers(), "ce_id"), record);
        }
        // sorted here: the embedded store answers a sorted find in one reply, past the driver's 48 MB at 10k events
        List<Document> stored = events.find().batchSize(BATCH).into(new ArrayList<>());
        stored.sort(Comparator.comparing((Document event) -> event.getString("timestamp"))
                .thenComparingLong(event -> event.get("sequenceNumber", Number.class).longValue()));
        Set<String> whole = new HashSet<>();
        Set<String> broken = new HashSet<>();
        for (Document event : stored) {
            String aggregate = event.getString("aggregateIdentifier");
            boolean copyable = copyId(aggregate, 1) != null && relayed.containsKey(event.getString("eventIdentifier"));
            (copyable && !broken.contains(aggregate) ? whole : broken).add(aggregate);
        }
        whole.removeAll(broken);
        List<Original> originals = new ArrayList<>();
        for (Document event : stored) {
            if (whole.contains(event.getString("aggregateIdentifier"))) {
                originals.add(new Original(event, relayed.get(event.getString("eventIdentifier"))));
            }
        }
        return originals;
    }

    private void copy(Original original, int copy, Map<String, String> heads, List<Document> documents,
                      List<ProducerRecord<String, byte[]>> records) throws JsonProcessingException {
        Document stored = original.stored();
        String aggregate = copyId(stored.getString("aggregateIdentifier"), copy);
        String eventId = UUID.nameUUIDFromBytes((stored.getString("eventIdentifier") + "/" + copy)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String payload = copied(stored.getString("serializedPayload"), stored.getString("aggregateIdentifier"),
                aggregate, copy);
        byte[] value = payload.getBytes(StandardCharsets.UTF_8);
        String previousHash = stored.get("sequenceNumber", Number.class).longValue() == 0 ? ""
                : heads.get(aggregate);
        if (previousHash == null) {
            throw new IllegalStateException("the store's order put " + stored.getString("eventIdentifier")
                    + " before its predecessor: its copy cannot be chained");
        }
        Headers headers = new RecordHeaders(original.relayed().headers().toArray());
        set(headers, "ce_id", eventId);
        set(headers, "ce_time", behindTheSweep(GovernanceTopic.header(headers, "ce_time")));
        set(headers, "ce_subject", aggregate);
        set(headers, "ce_" + CloudEventExtensions.PREVIOUS_HASH, previousHash);
        String hash = HashChain.hash(previousHash, GovernanceTopic.link(headers, value));
        set(headers, "ce_" + CloudEventExtensions.HASH, hash);
        heads.put(aggregate, hash);

        ObjectNode metaData = (ObjectNode) JSON.readTree(stored.getString("serializedMetaData"));
        metaData.put(AuditMetadata.PREVIOUS_HASH, previousHash);
        metaData.put(AuditMetadata.HASH, hash);
        Document document = new Document(stored);
        document.remove("_id");
        document.put("aggregateIdentifier", aggregate);
        document.put("eventIdentifier", eventId);
        document.put("timestamp", behindTheSweep(stored.getString("timestamp")));
        document.put("serializedPayload", payload);
        document.put("serializedMetaData", JSON.writeValueAsString(metaData));
        documents.add(document);
        records.add(new ProducerRecord<>(GovernanceTopic.TOPIC, null, aggregate, value, headers));
    }

    /** Stores the batch, then relays it, as the relay does: a record only for an event stored. */
    private long write(List<Document> documents, List<ProducerRecord<String, byte[]>> records,
                       KafkaProducer<String, byte[]> producer) throws Exception {
        if (documents.isEmpty()) {
            return 0;
        }
        events.insertMany(documents);
        List<Future<?>> sent = new ArrayList<>(records.size());
        records.forEach(record -> sent.add(producer.send(record)));
        for (Future<?> future : sent) {
            future.get();
        }
        int written = documents.size();
        documents.clear();
        records.clear();
        return written;
    }

    /** The copy's id of an aggregate; null for one that is not copied. */
    private String copyId(String aggregate, int copy) {
        if (aggregate.contains(run)) {
            return aggregate.replace(run, tag(copy));
        }
        try {
            UUID.fromString(aggregate);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
        return UUID.nameUUIDFromBytes((aggregate + "/" + copy).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The payload with every id of the run, and its own aggregate's id, those of the copy. */
    private String copied(String payload, String aggregate, String copyAggregate, int copy) {
        String renamed = payload.replace(run, tag(copy));
        return aggregate.contains(run) ? renamed : renamed.replace(aggregate, copyAggregate);
    }

    private String tag(int copy) {
        return run + "c" + copy;
    }

    /**
     * The instant {@link #BEHIND_THE_SWEEP} earlier, written as the original was: the store compares its timestamps
     * as text, so the fraction of the second keeps its digits (a whole-minute shift leaves it as it is).
     */
    static String behindTheSweep(String timestamp) {
        int fraction = timestamp.indexOf('T') + "HH:mm:ss".length() + 1;
        return SECONDS.format(Instant.parse(timestamp).minus(BEHIND_THE_SWEEP)) + timestamp.substring(fraction);
    }

    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    @Override
    public void close() {
        mongo.close();
    }
}
