package com.acme.governance.query.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The query side's MongoDB database and its collections. A type of its own rather than a {@link MongoDatabase}
 * bean, because the command side lives in the same context with a database of its own.
 */
public class ReadModelDatabase {

    public static final String DATA_PRODUCTS = "data_products";
    public static final String POLICIES = "policies";
    public static final String POLICY_VERSIONS = "policy_versions";
    public static final String ACCESS_REQUESTS = "access_requests";
    public static final String ACCESS_GRANTS = "access_grants";
    public static final String AUDIT_EVENTS = "audit_events";
    public static final String PROJECTION_POSITIONS = "projection_positions";
    /** Where each Kafka partition's consumption resumes: written after the read models, read on assignment. */
    public static final String CONSUMER_POSITIONS = "consumer_positions";
    /** Records of the event topic that could not be decoded, and the later events of their aggregates. */
    public static final String PARKED_EVENTS = "parked_events";

    private final MongoDatabase database;

    public ReadModelDatabase(MongoDatabase database) {
        this.database = database;
    }

    public MongoCollection<Document> dataProducts() {
        return database.getCollection(DATA_PRODUCTS);
    }

    public MongoCollection<Document> policies() {
        return database.getCollection(POLICIES);
    }

    public MongoCollection<Document> policyVersions() {
        return database.getCollection(POLICY_VERSIONS);
    }

    public MongoCollection<Document> accessRequests() {
        return database.getCollection(ACCESS_REQUESTS);
    }

    public MongoCollection<Document> accessGrants() {
        return database.getCollection(ACCESS_GRANTS);
    }

    public MongoCollection<Document> auditEvents() {
        return database.getCollection(AUDIT_EVENTS);
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

    /** Secondary indexes of the list filters and of the history lookups; creating an existing index is a no-op. */
    public void ensureIndexes() {
        MongoCollection<Document> products = dataProducts();
        products.createIndex(Indexes.ascending("domain"));
        products.createIndex(Indexes.ascending("ownerTeam"));
        products.createIndex(Indexes.ascending("tags"));
        products.createIndex(Indexes.ascending("status"));
        products.createIndex(Indexes.ascending("classification"));
        policies().createIndex(Indexes.ascending("status"));
        policies().createIndex(Indexes.ascending("scope.domain"));
        policyVersions().createIndex(Indexes.ascending("policyId", "version"));
        MongoCollection<Document> requests = accessRequests();
        requests.createIndex(Indexes.ascending("status", "requestedAt"));
        requests.createIndex(Indexes.ascending("dataProductId"));
        requests.createIndex(Indexes.ascending("consumerTeam"));
        MongoCollection<Document> grants = accessGrants();
        grants.createIndex(Indexes.ascending("status", "startsAt"));
        grants.createIndex(Indexes.ascending("dataProductId"));
        grants.createIndex(Indexes.ascending("consumerTeam"));
        auditEvents().createIndex(Indexes.ascending("aggregateId", "sequence"));
        parkedEvents().createIndex(Indexes.ascending("aggregateId", "partition", "offset"));
    }
}
