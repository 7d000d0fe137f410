package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.acme.governance.query.audit.AuditEventFields.*;

/** Reads the {@code audit_events} event log. */
@Component("queryAuditEventRepository")
public class AuditEventRepository {

    private final MongoCollection<Document> events;
    private final ObjectMapper objectMapper;

    public AuditEventRepository(ReadModelDatabase database, ObjectMapper objectMapper) {
        this.events = database.auditEvents();
        this.objectMapper = objectMapper;
    }

    /** Every event of one aggregate, oldest first. */
    public List<HistoryEntry> historyOf(String aggregateId) {
        return events.find(Filters.eq(AGGREGATE_ID, aggregateId))
                .sort(Sorts.ascending(SEQUENCE))
                .map(this::toEntry)
                .into(new ArrayList<>());
    }

    private HistoryEntry toEntry(Document document) {
        return new HistoryEntry(
                document.getString(EVENT_ID),
                document.getString(TYPE),
                document.get(SEQUENCE, Number.class).longValue(),
                document.getDate(TIME).toInstant(),
                document.getString(PRINCIPAL),
                document.getList(TEAMS, String.class, List.of()),
                document.getList(ROLES, String.class, List.of()),
                document.getString(CORRELATION_ID),
                document.getString(CAUSATION_ID),
                document.getString(HASH),
                document.getString(PREVIOUS_HASH),
                json(document.getString(PAYLOAD)));
    }

    private JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event payload is not JSON", e);
        }
    }
}
