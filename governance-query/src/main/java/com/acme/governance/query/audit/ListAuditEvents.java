package com.acme.governance.query.audit;

import java.time.Instant;

/**
 * A query of the audit trail: every filter optional, combined with AND.
 *
 * @param from  the earliest event time, inclusive
 * @param to    the event time to stop before, exclusive, so that consecutive periods never share an event
 * @param after where the page starts: after this position, or at the trail's beginning when null
 * @param size  items per page; not used by the NDJSON export, which streams every match
 */
public record ListAuditEvents(String aggregateId, String aggregateType, String principal, String type, Instant from,
                              Instant to, AuditCursor after, int size) {

    /** The same query, resuming after {@code position}. */
    public ListAuditEvents resumedAfter(AuditCursor position) {
        return new ListAuditEvents(aggregateId, aggregateType, principal, type, from, to, position, size);
    }
}
