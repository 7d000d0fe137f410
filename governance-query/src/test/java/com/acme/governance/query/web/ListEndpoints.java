package com.acme.governance.query.web;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.query.access.AccessGrantListParameters;
import com.acme.governance.query.access.AccessRequestListParameters;
import com.acme.governance.query.audit.AuditCursor;
import com.acme.governance.query.audit.AuditTrailParameters;
import com.acme.governance.query.audit.ListAuditEvents;
import com.acme.governance.query.dataproduct.DataProductListParameters;
import com.acme.governance.query.policy.PolicyListParameters;
import com.acme.governance.query.web.ListEndpoint.Paging;
import com.acme.governance.query.web.ListEndpoint.Parameter;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.acme.governance.query.web.ListEndpoint.params;

/** Every list endpoint of the read API with its filters: a new list endpoint adds itself here. */
final class ListEndpoints {

    private static final String DOMAIN_MISMATCH = "must match " + DataProductId.SEGMENT;
    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final TeamName MARKETING = TeamName.of("marketing");

    static final ListEndpoint DATA_PRODUCTS = new ListEndpoint("/api/v1/data-products", Paging.NUMBERED, DataProductListParameters::parse,
            (page, size) -> new ListDataProducts(null, null, null, null, null, null, page, size),
            (page, size) -> new ListDataProducts("sales", TeamName.of("sales-analytics"), Classification.CONFIDENTIAL,
                    Tag.of("pii"), DataProductStatus.PUBLISHED, "Orders (all).*", page, size),
            List.of(Parameter.named("domain", "sales").refusingSaying(DOMAIN_MISMATCH, "Sales", "s", "1sales", "sales.orders"),
                    Parameter.named("ownerTeam", "sales-analytics").refusing("-team", "Sales"),
                    Parameter.named("classification", "CONFIDENTIAL")
                            .refusingSaying(oneOf(Classification.values()), "confidential", "SECRET"),
                    Parameter.named("tag", "pii").refusing("PII", "-pii", "pii tag"),
                    Parameter.named("status", "PUBLISHED")
                            .refusingSaying(oneOf(DataProductStatus.values()), "published", "GONE"),
                    Parameter.named("q", "Orders (all).*")
                            .refusingSaying("must be at most " + DataProductListParameters.MAX_Q_LENGTH + " characters",
                                    "x".repeat(DataProductListParameters.MAX_Q_LENGTH + 1))
                            .refusingSaying("must not contain control characters", "a\u0000b", "line\nbreak")),
            List.of("sort", "$where", "awaitingMyApproval", "title", "asOf"),
            Map.of(params("q", "x".repeat(DataProductListParameters.MAX_Q_LENGTH)),
                    new ListDataProducts(null, null, null, null, null, "x".repeat(DataProductListParameters.MAX_Q_LENGTH), 0, 20)));

    static final ListEndpoint POLICIES = new ListEndpoint("/api/v1/policies", Paging.NUMBERED, PolicyListParameters::parse,
            (page, size) -> new ListPolicies(null, null, page, size),
            (page, size) -> new ListPolicies(PolicyStatus.RETIRED, "sales-eu", page, size),
            List.of(Parameter.named("status", "RETIRED").refusingSaying(oneOf(PolicyStatus.values()), "active", "DRAFT"),
                    Parameter.named("domain", "sales-eu").refusingSaying(DOMAIN_MISMATCH, "Sales", "s", "sales.orders")),
            List.of("scope.domain", "scope.domain[$ne]", "q", "id", "asOf"),
            Map.of());

    static final ListEndpoint ACCESS_REQUESTS = new ListEndpoint("/api/v1/access-requests",
            Paging.NUMBERED, AccessRequestListParameters::parse,
            (page, size) -> new ListAccessRequests(null, null, null, false, page, size),
            (page, size) -> new ListAccessRequests(AccessRequestStatus.PENDING, ORDERS, MARKETING, true, page, size),
            List.of(Parameter.named("status", "PENDING")
                            .refusingSaying(oneOf(AccessRequestStatus.values()), "pending", "ACTIVE", "OPEN"),
                    Parameter.named("dataProductId", "sales.orders")
                            .refusing("sales", "Sales.Orders", "sales.orders.v1", "x"),
                    Parameter.named("consumerTeam", "marketing").refusing("Marketing", "m", "-x"),
                    Parameter.named("awaitingMyApproval", "true")
                            .refusingSaying("must be true or false", "TRUE", "True", "yes", "1", "on", "maybe")),
            List.of("requestedBy", "awaiting", "ownerTeam"),
            Map.of(params("awaitingMyApproval", "false"), new ListAccessRequests(null, null, null, false, 0, 20)));

    static final ListEndpoint ACCESS_GRANTS = new ListEndpoint("/api/v1/access-grants", Paging.NUMBERED, AccessGrantListParameters::parse,
            (page, size) -> new ListAccessGrants(null, null, null, page, size),
            (page, size) -> new ListAccessGrants(ORDERS, MARKETING, AccessGrantStatus.ACTIVE, page, size),
            List.of(Parameter.named("dataProductId", "sales.orders").refusing("orders", "Sales.Orders"),
                    Parameter.named("consumerTeam", "marketing").refusing("-x", "Marketing"),
                    Parameter.named("status", "ACTIVE")
                            .refusingSaying(oneOf(AccessGrantStatus.values()), "PENDING", "active")),
            List.of("awaitingMyApproval", "ownerTeam", "requestedBy"),
            Map.of());

    private static final AuditCursor AFTER = new AuditCursor(Instant.parse("2026-03-01T09:00:01.123Z"), "sales.orders", 1);
    private static final String INSTANT = "must be an ISO-8601 instant with an offset, e.g. 2026-03-01T00:00:00Z";
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    static final ListEndpoint AUDIT_EVENTS = new ListEndpoint("/api/v1/audit/events",
            Paging.byCursor(Parameter.named("cursor", AFTER.encode())
                            .refusing("x", AFTER.encode() + "A", AFTER.encode().substring(1), "e30",
                                    "x".repeat(AuditCursor.MAX_LENGTH + 1)),
                    AuditTrailParameters.DEFAULT_SIZE, AuditTrailParameters.MAX_SIZE, "dave"),
            AuditTrailParameters::parse,
            (page, size) -> new ListAuditEvents(null, null, null, null, null, null, page == 0 ? null : AFTER, size),
            (page, size) -> new ListAuditEvents("sales.orders", "DataProduct", "carol",
                    "governance.dataproduct.retired.v1", MARCH, APRIL, page == 0 ? null : AFTER, size),
            List.of(Parameter.named("aggregateId", "sales.orders")
                            .refusingSaying("must be at most " + AuditTrailParameters.MAX_AGGREGATE_ID_LENGTH
                                    + " characters", "x".repeat(AuditTrailParameters.MAX_AGGREGATE_ID_LENGTH + 1))
                            .refusingSaying("must not contain control characters", "a\u0000b"),
                    Parameter.named("aggregateType", "DataProduct")
                            .refusingSaying("must be one of " + AuditTrailParameters.AGGREGATE_TYPES,
                                    "dataproduct", "AccessGrant", "Audit"),
                    Parameter.named("principal", "carol")
                            .refusingSaying("must not contain control characters", "carol\nadmin"),
                    Parameter.named("type", "governance.dataproduct.retired.v1")
                            .refusing("governance.dataproduct.retired.v9", "retired", "DataProductRetired"),
                    Parameter.named("from", "2026-03-01T01:00:00+01:00")
                            .refusingSaying(INSTANT, "yesterday", "2026-03-01", "2026-13-01T00:00:00Z", "1740787200"),
                    Parameter.named("to", "2026-04-01T00:00:00Z")
                            .refusingSaying(INSTANT, "2026-04-01T00:00:00", "tomorrow")),
            List.of("page", "sort", "eventId", "dataProductId", "after"),
            Map.of(params("from", "2026-03-01T00:00:00Z", "to", "2026-03-01T00:00:00Z"),
                    new ListAuditEvents(null, null, null, null, MARCH, MARCH, null, AuditTrailParameters.DEFAULT_SIZE)));

    static final List<ListEndpoint> ALL = List.of(DATA_PRODUCTS, POLICIES, ACCESS_REQUESTS, ACCESS_GRANTS, AUDIT_EVENTS);

    private ListEndpoints() {
    }

    private static String oneOf(Enum<?>[] constants) {
        return "must be one of " + Arrays.toString(constants);
    }
}
