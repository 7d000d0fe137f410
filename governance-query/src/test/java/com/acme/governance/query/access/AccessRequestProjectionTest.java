package com.acme.governance.query.access;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.PolicyStream;
import com.acme.governance.query.support.ProjectionContractTest;
import com.acme.governance.query.support.TestJson;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.acme.governance.query.access.AccessStories.EXPIRED;
import static com.acme.governance.query.access.AccessStories.REJECTED;
import static com.acme.governance.query.access.AccessStories.REVOKED;
import static com.acme.governance.query.access.AccessStories.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

class AccessRequestProjectionTest extends ProjectionContractTest {

    @Override
    protected Projection projection(ReadModelDatabase database) {
        return new AccessRequestProjection(database, new EventPayloads(TestJson.MAPPER));
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new AccessRequestIndexes();
    }

    @Override
    protected List<List<IncomingEvent>> streams() {
        return AccessStories.withAnUnknownEvent();
    }

    @Override
    protected List<String> collections() {
        return List.of(AccessRequestProjection.COLLECTION);
    }

    @Test
    void aRequestIsPendingWithItsDecisionAndEveryApprovalOutstanding() {
        IncomingEvent requested = AccessRequestStream.of(EXPIRED).requested().last();

        projection.apply(requested);

        Document request = request(EXPIRED);
        assertThat(request.getString("dataProductId")).isEqualTo("sales.orders");
        assertThat(request.getString("ownerTeam")).isEqualTo("sales");
        assertThat(request.getString("consumerTeam")).isEqualTo("marketing");
        assertThat(request.getString("purpose")).isEqualTo("campaign attribution");
        assertThat(request.get("durationDays", Number.class).intValue()).isEqualTo(30);
        assertThat(request.getString("requestedBy")).isEqualTo("bob");
        assertThat(request.getDate("requestedAt")).isEqualTo(Date.from(requested.time()));
        assertThat(request.getString("status")).isEqualTo("PENDING");
        assertThat(request.getList("requiredApprovals", String.class)).containsExactly("OWNER", "STEWARD");
        assertThat(request.getList("outstandingApprovals", String.class)).containsExactly("OWNER", "STEWARD");
        assertThat(request.getList("approvals", Document.class)).isEmpty();
        assertThat(request.get("decision", Document.class)).isEqualTo(new Document()
                .append("policies", List.of(new Document("policyId", "confidential-data").append("version", 2),
                        new Document("policyId", "sales-pii").append("version", 1)))
                .append("requiredApprovals", List.of("OWNER", "STEWARD"))
                .append("maxGrantDays", 30)
                .append("purposeRequired", true));
        assertThat(request.get("grantedAt")).isNull();
        assertThat(request.get("closedAt")).isNull();
        assertThat(request.get("eventCount", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void theExpiringStoryFromRequestToExpiry() {
        List<IncomingEvent> events = AccessStories.EXPIRING.apply(EXPIRED).events();

        projection.apply(events.get(0));
        projection.apply(events.get(1));
        Document ownerApproved = request(EXPIRED);
        assertThat(ownerApproved.getString("status")).isEqualTo("PENDING");
        assertThat(ownerApproved.getList("outstandingApprovals", String.class)).containsExactly("STEWARD");
        assertThat(ownerApproved.getList("approvals", Document.class)).containsExactly(
                approval("alice", "OWNER", events.get(1)));

        projection.apply(events.get(2));
        Document stewardApproved = request(EXPIRED);
        assertThat(stewardApproved.getString("status")).isEqualTo("PENDING");
        assertThat(stewardApproved.getList("outstandingApprovals", String.class)).isEmpty();
        assertThat(stewardApproved.getList("approvals", Document.class)).containsExactly(
                approval("alice", "OWNER", events.get(1)), approval("carol", "STEWARD", events.get(2)));

        projection.apply(events.get(3));
        Document granted = request(EXPIRED);
        assertThat(granted.getString("status")).isEqualTo("GRANTED");
        assertThat(granted.getDate("grantedAt")).isEqualTo(Date.from(events.get(3).time()));
        assertThat(granted.getDate("expiresAt")).isEqualTo(Date.from(Instant.parse(events.get(3).payload().get("expiresAt").asText())));
        assertThat(granted.get("closedAt")).isNull();

        projection.apply(events.get(4));
        Document expired = request(EXPIRED);
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.getDate("closedAt")).isEqualTo(Date.from(events.get(4).time()));
        assertThat(expired.getDate("grantedAt")).isEqualTo(granted.getDate("grantedAt"));
        assertThat(expired.getList("approvals", Document.class)).hasSize(2);
        assertThat(expired.get("eventCount", Number.class).longValue()).isEqualTo(5);
    }

    @Test
    void theRevokingStoryClosesTheRequestAsRevoked() {
        List<IncomingEvent> events = AccessStories.REVOKING.apply(REVOKED).events();
        events.forEach(projection::apply);

        Document revoked = request(REVOKED);
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.getDate("closedAt")).isEqualTo(Date.from(events.get(4).time()));
        assertThat(revoked.get("grantedAt")).isNotNull();
    }

    @Test
    void theRejectingStoryKeepsWhoRejectedAndWhy() {
        List<IncomingEvent> events = AccessStories.REJECTING.apply(REJECTED).events();
        events.forEach(projection::apply);

        Document rejected = request(REJECTED);
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("rejectedBy")).isEqualTo("erin");
        assertThat(rejected.getString("rejectionReason")).isEqualTo("no legal basis");
        assertThat(rejected.getDate("rejectedAt")).isEqualTo(Date.from(events.get(2).time()));
        assertThat(rejected.getDate("closedAt")).isEqualTo(Date.from(events.get(2).time()));
        assertThat(rejected.getList("outstandingApprovals", String.class)).containsExactly("STEWARD");
        assertThat(rejected.get("grantedAt")).isNull();
    }

    @Test
    void theWithdrawingStoryKeepsWhoWithdrewAndWhen() {
        List<IncomingEvent> events = AccessStories.WITHDRAWING.apply(WITHDRAWN).events();
        events.forEach(projection::apply);

        Document withdrawn = request(WITHDRAWN);
        assertThat(withdrawn.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getString("withdrawnBy")).isEqualTo("bob");
        assertThat(withdrawn.getDate("withdrawnAt")).isEqualTo(Date.from(events.get(1).time()));
        assertThat(withdrawn.getDate("closedAt")).isEqualTo(Date.from(events.get(1).time()));
        assertThat(withdrawn.get("rejectedBy")).isNull();
    }

    @Test
    void anUnknownEventOfTheRequestCountsSoTheNextKnownEventStillApplies() {
        AccessRequestStream.of(WITHDRAWN).requested().unknown("governance.access-request.commented.v1").withdrawn()
                .events().forEach(projection::apply);

        assertThat(request(WITHDRAWN).getString("status")).isEqualTo("WITHDRAWN");
        assertThat(request(WITHDRAWN).get("eventCount", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void eventsOfOtherAggregatesAreNotItsBusiness() {
        PolicyStream.fullLifecycle("confidential-data").forEach(projection::apply);

        assertThat(readModel().get(AccessRequestProjection.COLLECTION)).isEmpty();
    }

    private static Document approval(String principal, String role, IncomingEvent event) {
        return new Document("principal", principal).append("role", role).append("approvedAt", Date.from(event.time()));
    }

    private Document request(String id) {
        return database.collection(AccessRequestProjection.COLLECTION, Document.class).find(Filters.eq("_id", id)).first();
    }
}
