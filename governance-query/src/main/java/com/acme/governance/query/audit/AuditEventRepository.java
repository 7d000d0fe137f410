package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Reads the {@code audit_events} event log. */
@Component("queryAuditEventRepository")
public class AuditEventRepository {

    private final MongoCollection<HistoryEntry> history;
    private final MongoCollection<AuditEventDocument> events;

    public AuditEventRepository(ReadModelDatabase database) {
        this.history = database.collection(AuditEventProjection.COLLECTION, HistoryEntry.class);
        this.events = database.collection(AuditEventProjection.COLLECTION, AuditEventDocument.class);
    }

    /** Every event of one aggregate, oldest first. */
    public List<HistoryEntry> historyOf(String aggregateId) {
        return history.find(Filters.eq("aggregateId", aggregateId))
                .sort(Sorts.ascending("sequence"))
                .into(new ArrayList<>());
    }

    /** The histories of these aggregates, each oldest first, in one read: for a list of them (GraphQL). */
    public Map<String, List<HistoryEntry>> historiesOf(Collection<String> aggregateIds) {
        Map<String, List<HistoryEntry>> histories = new HashMap<>();
        aggregateIds.forEach(id -> histories.put(id, new ArrayList<>()));
        history.find(Filters.in("aggregateId", aggregateIds))
                .sort(Sorts.ascending("aggregateId", "sequence"))
                .forEach(entry -> histories.computeIfAbsent(entry.aggregateId(), id -> new ArrayList<>()).add(entry));
        return histories;
    }

    /**
     * The events of one aggregate (ids are unique within a type only) up to an instant, inclusive, in sequence order,
     * as they arrived. Up to the instant by trail time, which never goes back within an aggregate, so the answer is
     * always a beginning of its stream (adr/0028). Served by the {aggregateId, sequence} index.
     */
    public List<IncomingEvent> eventsUntil(String aggregateType, String aggregateId, Instant at) {
        return events.find(Filters.and(Filters.eq(AuditTrailFilter.AGGREGATE_ID, aggregateId),
                        Filters.eq("aggregateType", aggregateType), Filters.lte(AuditTrailFilter.TRAIL_TIME, at)))
                .sort(Sorts.ascending(AuditTrailFilter.SEQUENCE))
                .map(AuditEventDocument::incoming)
                .into(new ArrayList<>());
    }

    /** One page of the trail; one event more is read than the page holds, to tell whether another page follows. */
    public AuditTrailPage page(ListAuditEvents query) {
        List<AuditEventDocument> found = events.find(AuditTrailFilter.of(query)).sort(AuditTrailFilter.ORDER)
                .limit(query.size() + 1).into(new ArrayList<>(query.size() + 1));
        boolean more = found.size() > query.size();
        List<AuditEventDocument> page = more ? found.subList(0, query.size()) : found;
        return new AuditTrailPage(page.stream().map(AuditEventDocument::item).toList(),
                more ? page.get(page.size() - 1).position().encode() : null);
    }

    /** Up to one more match than the query's size, in the trail's order: whether the last exists says if more do. */
    List<AuditEventDocument> window(ListAuditEvents query) {
        return events.find(AuditTrailFilter.of(query)).sort(AuditTrailFilter.ORDER)
                .limit(query.size() + 1).into(new ArrayList<>(query.size() + 1));
    }

    /**
     * Every match in the trail's order, as a cursor over the database's batches of {@code batchSize}: the caller
     * reads at its own pace and must close it.
     */
    public MongoCursor<AuditEventDocument> export(ListAuditEvents query, int batchSize) {
        return events.find(AuditTrailFilter.of(query)).sort(AuditTrailFilter.ORDER).batchSize(batchSize).cursor();
    }
}
