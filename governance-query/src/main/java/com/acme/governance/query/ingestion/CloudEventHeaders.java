package com.acme.governance.query.ingestion;

/** Kafka header names of the envelope the command side's relay writes (CloudEvents binary mode). */
final class CloudEventHeaders {

    static final String ID = "ce_id";
    static final String TYPE = "ce_type";
    static final String SUBJECT = "ce_subject";
    static final String TIME = "ce_time";
    static final String SEQUENCE = "ce_sequence";
    static final String AGGREGATE_TYPE = "ce_aggregatetype";
    static final String PRINCIPAL = "ce_principal";
    static final String TEAMS = "ce_teams";
    static final String ROLES = "ce_roles";
    static final String CORRELATION_ID = "ce_correlationid";
    static final String CAUSATION_ID = "ce_causationid";
    static final String HASH = "ce_hash";
    static final String PREVIOUS_HASH = "ce_previoushash";

    private CloudEventHeaders() {
    }
}
