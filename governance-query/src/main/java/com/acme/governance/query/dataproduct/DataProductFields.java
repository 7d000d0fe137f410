package com.acme.governance.query.dataproduct;

import com.acme.governance.query.ingestion.SequencedDocuments;

/** Field names of the {@code data_products} read model, shared by its writer and its readers. */
final class DataProductFields {

    static final String ID = "_id";
    static final String DOMAIN = "domain";
    static final String NAME = "name";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String OWNER_TEAM = "ownerTeam";
    static final String CLASSIFICATION = "classification";
    static final String TAGS = "tags";
    static final String OUTPUT_PORTS = "outputPorts";
    static final String STATUS = "status";
    static final String CONTRACT_VERSIONS = "contractVersions";
    static final String VERSION = SequencedDocuments.VERSION;
    static final String REGISTERED_AT = "registeredAt";
    static final String REGISTERED_BY = "registeredBy";
    static final String UPDATED_AT = SequencedDocuments.UPDATED_AT;
    static final String DEPRECATION_REASON = "deprecationReason";
    static final String RETIREMENT_REASON = "retirementReason";

    static final String PORT_NAME = "name";
    static final String PORT_KIND = "kind";
    static final String PORT_ADDRESS = "address";

    static final String CONTRACT_VERSION = "version";
    static final String SCHEMA_TYPE = "schemaType";
    /** The schema's JSON text: JSON Schema keys such as {@code $schema} or dotted names are not valid field names. */
    static final String SCHEMA = "schema";
    static final String PUBLISHED_AT = "publishedAt";
    static final String PUBLISHED_BY = "publishedBy";

    private DataProductFields() {
    }
}
