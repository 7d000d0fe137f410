package com.acme.governance.command.access.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The latest reconciliation's report and the lease of whoever runs the next one ({@code acl_reconciliation}), shared
 * by every command instance: any of them answers {@code GET /admin/acls/drift}, and only one reconciles at a time.
 */
public class DriftReports {

    private static final String LATEST = "latest";
    private static final String LEASE = "lease";
    private static final String REPORT = "report";
    private static final String UNTIL = "until";

    private final MongoCollection<Document> documents;
    private final ObjectMapper objectMapper;

    public DriftReports(MongoCollection<Document> documents, ObjectMapper objectMapper) {
        this.documents = documents;
        this.objectMapper = objectMapper;
    }

    public void save(DriftReport report) {
        try {
            documents.replaceOne(Filters.eq("_id", LATEST), new Document("_id", LATEST)
                    .append(REPORT, objectMapper.writeValueAsString(report)), new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drift report could not be written as JSON", e);
        }
    }

    public Optional<DriftReport> latest() {
        Document latest = documents.find(Filters.eq("_id", LATEST)).first();
        if (latest == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(objectMapper.readValue(latest.getString(REPORT), DriftReport.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored drift report is not readable", e);
        }
    }

    /** Claims the next reconciliation until {@code now + lease}, unless another instance holds an unexpired claim. */
    public boolean claim(Instant now, Duration lease) {
        try {
            documents.updateOne(Filters.and(Filters.eq("_id", LEASE), Filters.lt(UNTIL, Date.from(now))),
                    Updates.set(UNTIL, Date.from(now.plus(lease))), new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
