package com.acme.governance.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB filter and order of an audit trail query, built only from validated values. The order is the keyset
 * {@code (trailTime, aggregateId, sequence)}, unique per event, and a page resumes strictly after its cursor's key
 * (adr/0021); {@code from} and {@code to} select by the event's own time.
 */
final class AuditTrailFilter {

    static final String TIME = "time";
    static final String TRAIL_TIME = "trailTime";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "sequence";
    static final Bson ORDER = Sorts.ascending(TRAIL_TIME, AGGREGATE_ID, SEQUENCE);

    private AuditTrailFilter() {
    }

    static Bson of(ListAuditEvents query) {
        List<Bson> conditions = new ArrayList<>();
        equal(conditions, AGGREGATE_ID, query.aggregateId());
        equal(conditions, "aggregateType", query.aggregateType());
        equal(conditions, "principal", query.principal());
        equal(conditions, "type", query.type());
        if (query.from() != null) {
            conditions.add(Filters.gte(TIME, query.from()));
        }
        if (query.to() != null) {
            conditions.add(Filters.lt(TIME, query.to()));
        }
        if (query.after() != null) {
            // redundant beside the keyset, and what lets an index on trailTime bound the read at the cursor
            conditions.add(Filters.gte(TRAIL_TIME, query.after().time()));
            conditions.add(after(query.after()));
        }
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }

    private static void equal(List<Bson> conditions, String field, String value) {
        if (value != null) {
            conditions.add(Filters.eq(field, value));
        }
    }

    private static Bson after(AuditCursor cursor) {
        return Filters.or(
                Filters.gt(TRAIL_TIME, cursor.time()),
                Filters.and(Filters.eq(TRAIL_TIME, cursor.time()), Filters.gt(AGGREGATE_ID, cursor.aggregateId())),
                Filters.and(Filters.eq(TRAIL_TIME, cursor.time()), Filters.eq(AGGREGATE_ID, cursor.aggregateId()),
                        Filters.gt(SEQUENCE, cursor.sequence())));
    }
}
