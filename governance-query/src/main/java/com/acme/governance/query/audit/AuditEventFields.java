package com.acme.governance.query.audit;

/** Field names of the {@code audit_events} collection: one document per event, {@code _id} = event id. */
final class AuditEventFields {

    static final String EVENT_ID = "_id";
    static final String TYPE = "type";
    static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String SEQUENCE = "sequence";
    static final String TIME = "time";
    static final String PRINCIPAL = "principal";
    static final String TEAMS = "teams";
    static final String ROLES = "roles";
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";
    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";
    /**
     * The payload as JSON text rather than a sub-document: BSON would refuse or alter keys such as {@code $schema}
     * or dotted names (contract schemas have them), and the hash chain must be recomputed from the same JSON.
     */
    static final String PAYLOAD = "payload";

    private AuditEventFields() {
    }
}
