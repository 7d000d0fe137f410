package com.acme.governance.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail.
 *
 * @param exportBatchSize events the NDJSON export fetches from MongoDB per round trip: what it holds in memory at most
 */
@ConfigurationProperties("governance.query.audit")
public record AuditTrailProperties(@DefaultValue("500") int exportBatchSize) {

    public AuditTrailProperties {
        if (exportBatchSize < 1) {
            throw new IllegalArgumentException("governance.query.audit.export-batch-size must be at least 1");
        }
    }
}
