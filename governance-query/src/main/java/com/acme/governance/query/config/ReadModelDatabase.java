package com.acme.governance.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;

/**
 * The query side's MongoDB database. A type of its own rather than a {@link MongoDatabase} bean, because the command
 * side lives in the same context with a database of its own. Each feature names its own collections and maps their
 * documents to its records through the driver's codecs (ADR 0015); the ingestion bookkeeping (positions, parked
 * events) keeps the driver's {@link Document}.
 */
public class ReadModelDatabase {

    public static final String PROJECTION_POSITIONS = "projection_positions";
    /** Where each Kafka partition's consumption resumes: written after the read models, read on assignment. */
    public static final String CONSUMER_POSITIONS = "consumer_positions";
    /** Records of the event topic that could not be decoded, and the later events of their aggregates. */
    public static final String PARKED_EVENTS = "parked_events";

    private final MongoDatabase database;

    /**
     * @param objectMapper reads and writes the JSON that is stored as text (see {@link JsonTextCodecProvider})
     */
    public ReadModelDatabase(MongoDatabase database, ObjectMapper objectMapper) {
        // The driver's default registry maps records (its record codec), enums by name and Instants as dates.
        this.database = database.withCodecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromProviders(new JsonTextCodecProvider(objectMapper)),
                MongoClientSettings.getDefaultCodecRegistry()));
    }

    /** A read model's collection, its documents mapped to and from {@code documentClass} by the driver's codecs. */
    public <T> MongoCollection<T> collection(String name, Class<T> documentClass) {
        return database.getCollection(name, documentClass);
    }

    public MongoCollection<Document> projectionPositions() {
        return database.getCollection(PROJECTION_POSITIONS);
    }

    public MongoCollection<Document> consumerPositions() {
        return database.getCollection(CONSUMER_POSITIONS);
    }

    public MongoCollection<Document> parkedEvents() {
        return database.getCollection(PARKED_EVENTS);
    }
}
