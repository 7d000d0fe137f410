package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;

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
     * Every match in the trail's order, read page after page of {@code pageSize} by the keyset (adr/0021): each page
     * is a query of its own, so no cursor stays open on the database for the length of an export, and no query sorts
     * the whole trail at once (the embedded store did, in one command that held every other behind it; ADR 0046).
     */
    public TrailPages export(ListAuditEvents query, int pageSize) {
        return new TrailPages(query, pageSize);
    }

    /** The export's events, one page in memory at a time; {@link #pageEnded()} tells when a page was read out. */
    public final class TrailPages implements Iterator<AuditEventDocument> {

        private final int pageSize;
        private ListAuditEvents next;
        private List<AuditEventDocument> page = List.of();
        private int read;
        private boolean last;

        private TrailPages(ListAuditEvents query, int pageSize) {
            this.next = query;
            this.pageSize = pageSize;
        }

        @Override
        public boolean hasNext() {
            while (read == page.size() && !last) {
                page = events.find(AuditTrailFilter.of(next)).sort(AuditTrailFilter.ORDER).limit(pageSize)
                        .into(new ArrayList<>(pageSize));
                read = 0;
                last = page.size() < pageSize;
                if (!page.isEmpty()) {
                    next = next.resumedAfter(page.get(page.size() - 1).position());
                }
            }
            return read < page.size();
        }

        @Override
        public AuditEventDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(read++);
        }

        /** Whether the events read so far end a page: the next one, if any, costs a query. */
        public boolean pageEnded() {
            return read == page.size();
        }
    }
}
