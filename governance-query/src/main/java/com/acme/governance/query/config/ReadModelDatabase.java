package com.acme.governance.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The query side's MongoDB database. A type of its own rather than a {@link MongoDatabase} bean, because the command
 * side lives in the same context with a database of its own. Each feature names its own collections and maps their
 * documents to its records through the driver's codecs (ADR 0015); the ingestion bookkeeping (positions, parked
 * events) keeps the driver's {@link Document}.
 *
 * <p>The read models, and with them {@code projection_positions}, live in generations (ADR 0026): each collection
 * handed out here resolves the generation of the calling thread per operation ({@link ReadModelGenerations}), so
 * that a rebuild can fill a fresh generation while the live one serves, and swap them without any feature noticing.
 * Where the consumption resumes, the parked records and the rebuild's own state are not read models: they stay
 * outside, under their plain names.
 */
public class ReadModelDatabase {

    public static final String PROJECTION_POSITIONS = "projection_positions";
    /** Where each Kafka partition's consumption resumes: written after the read models, read on assignment. */
    public static final String CONSUMER_POSITIONS = "consumer_positions";
    /** Records of the event topic that could not be decoded, and the later events of their aggregates. */
    public static final String PARKED_EVENTS = "parked_events";
    /** The parked records an operator discarded: a rebuild steps over them as the live side did (outside generations). */
    public static final String DISCARDED_RECORDS = "discarded_records";
    /** The state of the latest projection rebuild (ADR 0026). */
    public static final String PROJECTION_REBUILDS = "projection_rebuilds";
    /**
     * How the read models and their positions are written (ADR 0038, ADR 0039): acknowledged once applied, not once
     * journaled or replicated. A read model is derived from the durable event stream; what vouches for it is the
     * durable write that follows it, the partition's position after each poll ({@link #consumerPositions()}).
     * MongoDB journals and replicates in the order of writes, so nothing written before that durable write can be
     * lost once it is acknowledged, and a crash that loses them loses the partition's position too, so the events are
     * applied again. Reads of the read models ask for the newest data ({@code local}); reads of the positions, which
     * readers trust, only for what is durable ({@code majority}).
     */
    static final WriteConcern DERIVED_WRITES = WriteConcern.W1.withJournal(false);
    /** How long an instance trusts the live generation it read, unless configured otherwise. */
    public static final Duration DEFAULT_GENERATION_CACHE = Duration.ofSeconds(1);

    private final MongoDatabase database;
    /** {@link #database} with the concerns of the read models ({@link #DERIVED_WRITES}, read concern {@code local}). */
    private final MongoDatabase derivedModels;
    /** {@link #database} with the concerns of the positions ({@link #DERIVED_WRITES}, read concern {@code majority}). */
    private final MongoDatabase positions;
    private final ReadModelGenerations generations;
    /** The plain names of every generational collection handed out: what a generation consists of. */
    private final Set<String> generational = new ConcurrentSkipListSet<>();

    /**
     * @param objectMapper reads and writes the JSON that is stored as text (see {@link JsonTextCodecProvider})
     */
    public ReadModelDatabase(MongoDatabase database, ObjectMapper objectMapper) {
        this(database, objectMapper, DEFAULT_GENERATION_CACHE);
    }

    /** @param generationCache how long this instance trusts the live generation it read (see ADR 0026) */
    public ReadModelDatabase(MongoDatabase database, ObjectMapper objectMapper, Duration generationCache) {
        this(database, objectMapper, generationCache, System::nanoTime);
    }

    /** @param nanoTime the clock the generation cache is measured by (tests move it instead of waiting) */
    public ReadModelDatabase(MongoDatabase database, ObjectMapper objectMapper, Duration generationCache,
                             LongSupplier nanoTime) {
        // The driver's default registry maps records (its record codec), enums by name and Instants as dates.
        this.database = database.withCodecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromProviders(new JsonTextCodecProvider(objectMapper)),
                MongoClientSettings.getDefaultCodecRegistry()));
        this.derivedModels = this.database.withWriteConcern(DERIVED_WRITES).withReadConcern(ReadConcern.LOCAL);
        this.positions = this.database.withWriteConcern(DERIVED_WRITES).withReadConcern(ReadConcern.MAJORITY);
        this.generations = new ReadModelGenerations(database.getCollection(ReadModelGenerations.COLLECTION),
                generationCache, nanoTime);
        generational.add(PROJECTION_POSITIONS);
    }

    /**
     * A read model's collection, its documents mapped to and from {@code documentClass} by the driver's codecs, in
     * the generation that is current for the calling thread at each operation.
     */
    public <T> MongoCollection<T> collection(String name, Class<T> documentClass) {
        return generational(name, documentClass, derivedModels);
    }

    /**
     * Generational too: after a swap, the rebuilt positions answer the consistency tokens. A position is written as
     * the read models are, without waiting for durability, but read only once durable (read concern
     * {@code majority}): a reader waiting on a consistency token is answered by a position that a crash cannot take
     * back, and with it every read-model write before it (ADR 0039). What makes the positions durable while the
     * stream is applied is the partition's position written after each poll ({@link #consumerPositions()}).
     */
    public MongoCollection<Document> projectionPositions() {
        return generational(PROJECTION_POSITIONS, Document.class, positions);
    }

    private <T> MongoCollection<T> generational(String name, Class<T> documentClass, MongoDatabase home) {
        generational.add(name);
        return GenerationalCollection.resolving(() -> home.getCollection(
                ReadModelGenerations.physicalName(name, generations.current()), documentClass));
    }

    public ReadModelGenerations generations() {
        return generations;
    }

    /** The plain names of the collections that make a generation, as far as this instance handed them out. */
    public Set<String> generationalCollections() {
        return new TreeSet<>(generational);
    }

    /** Drops every collection of {@code generation}; never the live one. */
    public void dropGeneration(long generation) {
        if (generation == generations.liveNow()) {
            throw new IllegalStateException("generation " + generation + " is live");
        }
        Set<String> existing = database.listCollectionNames().into(new TreeSet<>());
        for (String name : generational) {
            String physical = ReadModelGenerations.physicalName(name, generation);
            if (existing.contains(physical)) {
                database.getCollection(physical).drop();
            }
        }
    }

    /** The rebuild's state (outside every generation). */
    public MongoCollection<Document> projectionRebuilds() {
        return database.getCollection(PROJECTION_REBUILDS);
    }

    public MongoCollection<Document> consumerPositions() {
        return database.getCollection(CONSUMER_POSITIONS);
    }

    public MongoCollection<Document> parkedEvents() {
        return database.getCollection(PARKED_EVENTS);
    }

    public MongoCollection<Document> discardedRecords() {
        return database.getCollection(DISCARDED_RECORDS);
    }
}
