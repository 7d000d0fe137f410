package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads the {@code audit_events} event log. */
@Component("queryAuditEventRepository")
public class AuditEventRepository {

    private final MongoCollection<HistoryEntry> history;

    public AuditEventRepository(ReadModelDatabase database) {
        this.history = database.collection(AuditEventProjection.COLLECTION, HistoryEntry.class);
    }

    /** Every event of one aggregate, oldest first. */
    public List<HistoryEntry> historyOf(String aggregateId) {
        return history.find(Filters.eq("aggregateId", aggregateId))
                .sort(Sorts.ascending("sequence"))
                .into(new ArrayList<>());
    }
}
