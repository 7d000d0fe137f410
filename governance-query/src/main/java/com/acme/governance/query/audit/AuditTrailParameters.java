package com.acme.governance.query.audit;

import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Validates the query parameters of {@code GET /audit/events} into a {@link ListAuditEvents}, strictly. */
public final class AuditTrailParameters {

    public static final String AGGREGATE_ID = "aggregateId";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String PRINCIPAL = "principal";
    public static final String TYPE = "type";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CURSOR = "cursor";
    public static final String SIZE = QueryParameters.SIZE;

    public static final int DEFAULT_SIZE = 100;
    /** A page of the trail is read to be verified or exported, so it may be larger than a page of a list. */
    public static final int MAX_SIZE = 1000;
    public static final int MAX_AGGREGATE_ID_LENGTH = 300;
    public static final int MAX_PRINCIPAL_LENGTH = 200;
    /** The aggregates whose events the trail holds: the command side's aggregate classes, by simple name. */
    public static final List<String> AGGREGATE_TYPES = List.of("DataProduct", "Policy", "AccessRequest",
            "AuditLedger", "AclDrift");

    private static final Set<String> FILTERS = Set.of(AGGREGATE_ID, AGGREGATE_TYPE, PRINCIPAL, TYPE, FROM, TO, CURSOR);

    private AuditTrailParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListAuditEvents parse(MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.cursorPaged(parameters, FILTERS, DEFAULT_SIZE, MAX_SIZE);
        String aggregateId = query.text(AGGREGATE_ID, MAX_AGGREGATE_ID_LENGTH);
        String aggregateType = query.parsed(AGGREGATE_TYPE, AuditTrailParameters::aggregateType);
        String principal = query.text(PRINCIPAL, MAX_PRINCIPAL_LENGTH);
        String type = query.parsed(TYPE, AuditTrailParameters::eventType);
        Instant from = query.instant(FROM);
        Instant to = query.instant(TO);
        AuditCursor after = query.parsed(CURSOR, AuditCursor::decode);
        if (from != null && to != null && from.isAfter(to)) {
            query.refuse(TO, "must not be before " + FROM);
        }
        query.throwIfInvalid();
        return new ListAuditEvents(aggregateId, aggregateType, principal, type, from, to, after, query.size());
    }

    /** The same filters for the NDJSON export, which streams every match: a page size would be silently ignored. */
    public static ListAuditEvents parseExport(MultiValueMap<String, String> parameters) {
        if (parameters.containsKey(SIZE)) {
            throw new InvalidInputException(SIZE, "does not apply to the NDJSON export, which streams every match");
        }
        return parse(parameters);
    }

    private static String aggregateType(String value) {
        if (!AGGREGATE_TYPES.contains(value)) {
            throw new IllegalArgumentException("must be one of " + AGGREGATE_TYPES);
        }
        return value;
    }

    private static String eventType(String value) {
        if (EventCatalog.classOf(value).isEmpty()) {
            throw new IllegalArgumentException("must be a published event type, e.g. "
                    + EventCatalog.typeOf(EventCatalog.events().get(0)));
        }
        return value;
    }
}
