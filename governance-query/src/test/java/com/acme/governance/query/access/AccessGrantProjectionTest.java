package com.acme.governance.query.access;

import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ListAccessAsOf;
import com.acme.governance.api.access.ProvisioningState;
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
import static com.acme.governance.query.access.AccessStories.PROVISIONED;
import static com.acme.governance.query.access.AccessStories.REJECTED;
import static com.acme.governance.query.access.AccessStories.REVOKED;
import static com.acme.governance.query.access.AccessStories.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

/** The grant projection alone, without the request projection: a grant is built from the events only. */
class AccessGrantProjectionTest extends ProjectionContractTest {

    private AccessGrantRepository grants;

    @Override
    protected Projection projection(ReadModelDatabase database) {
        grants = new AccessGrantRepository(database);
        return new AccessGrantProjection(database, new EventPayloads(TestJson.MAPPER));
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new AccessGrantIndexes();
    }

    @Override
    protected List<List<IncomingEvent>> streams() {
        return AccessStories.withAnUnknownEvent();
    }

    @Override
    protected List<String> collections() {
        return List.of(AccessGrantProjection.COLLECTION);
    }

    @Test
    void noGrantBeforeTheLastApproval() {
        AccessRequestStream.of(EXPIRED).requested().approvedByOwner().approvedBySteward().events()
                .forEach(projection::apply);

        assertThat(grants.find(EXPIRED)).isEmpty();
        Document following = document(EXPIRED);
        assertThat(following.get("status")).isNull();
        assertThat(following.get("eventCount", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void theGrantCarriesWhatItsRequestSaidAndHowItWasApproved() {
        List<IncomingEvent> events = AccessStories.EXPIRING.apply(EXPIRED).events().subList(0, 4);
        events.forEach(projection::apply);

        Document grant = document(EXPIRED);
        assertThat(grant.getString("status")).isEqualTo("ACTIVE");
        assertThat(grant.getString("dataProductId")).isEqualTo("sales.orders");
        assertThat(grant.getString("consumerTeam")).isEqualTo("marketing");
        assertThat(grant.getString("ownerTeam")).isEqualTo("sales");
        assertThat(grant.getString("purpose")).isEqualTo("campaign attribution");
        assertThat(grant.getString("requestedBy")).isEqualTo("bob");
        assertThat(grant.getDate("startsAt")).isEqualTo(payloadDate(events.get(3), "startsAt"));
        assertThat(grant.getDate("expiresAt")).isEqualTo(payloadDate(events.get(3), "expiresAt"));
        assertThat(grant.getList("approvals", Document.class)).containsExactly(
                new Document("principal", "alice").append("role", "OWNER").append("approvedAt", Date.from(events.get(1).time())),
                new Document("principal", "carol").append("role", "STEWARD").append("approvedAt", Date.from(events.get(2).time())));
        assertThat(grant.get("decision", Document.class).getList("policies", Document.class))
                .extracting(policy -> policy.getString("policyId")).containsExactly("confidential-data", "sales-pii");
        assertThat(grant.get("decision", Document.class).get("maxGrantDays", Number.class).intValue()).isEqualTo(30);
        assertThat(grant.get("revokedBy")).isNull();
        assertThat(grant.get("expiredAt")).isNull();
        assertThat(database.collection(AccessRequestProjection.COLLECTION, Document.class).countDocuments()).as("no request projection involved").isZero();
    }

    @Test
    void anExpiredGrantKeepsWhenItEndedByItself() {
        List<IncomingEvent> events = AccessStories.EXPIRING.apply(EXPIRED).events();
        events.forEach(projection::apply);

        Document grant = document(EXPIRED);
        assertThat(grant.getString("status")).isEqualTo("EXPIRED");
        assertThat(grant.getDate("expiredAt")).isEqualTo(payloadDate(events.get(4), "expiredAt"));
        assertThat(grant.getDate("expiredAt")).isEqualTo(grant.getDate("expiresAt"));
        assertThat(grant.getList("approvals", Document.class)).hasSize(2);
    }

    @Test
    void aRevokedGrantKeepsWhoRevokedItWhyAndWhen() {
        List<IncomingEvent> events = AccessStories.REVOKING.apply(REVOKED).events();
        events.forEach(projection::apply);

        Document grant = document(REVOKED);
        assertThat(grant.getString("status")).isEqualTo("REVOKED");
        assertThat(grant.getString("revokedBy")).isEqualTo("carol");
        assertThat(grant.getString("revocationReason")).isEqualTo("campaign over");
        assertThat(grant.getDate("revokedAt")).isEqualTo(Date.from(events.get(4).time()));
        assertThat(grant.get("expiredAt")).isNull();
    }

    @Test
    void aGrantShowsItsLifeOnTheClusterFromPendingThroughFailedAndProvisionedToDeprovisioned() {
        List<IncomingEvent> events = AccessStories.PROVISIONING.apply(PROVISIONED).events();
        events.subList(0, 4).forEach(projection::apply);
        assertThat(grants.find(PROVISIONED).orElseThrow().provisioning()).isEqualTo(ProvisioningState.PENDING);

        projection.apply(events.get(4));
        AccessGrantView failed = grants.find(PROVISIONED).orElseThrow();
        assertThat(failed.provisioning()).isEqualTo(ProvisioningState.FAILED);
        assertThat(failed.provisioningFailure()).isEqualTo("PROVISION: broker not available");

        projection.apply(events.get(5));
        AccessGrantView provisioned = grants.find(PROVISIONED).orElseThrow();
        assertThat(provisioned.provisioning()).isEqualTo(ProvisioningState.PROVISIONED);
        assertThat(provisioned.provisioningFailure()).isNull();
        assertThat(provisioned.aclBindings()).extracting(KafkaAclBinding::describe).containsExactly(
                "User:marketing READ TOPIC sales.orders.v1 (LITERAL)", "User:marketing READ GROUP marketing. (PREFIXED)");
        assertThat(provisioned.unmanagedPorts()).containsExactly("warehouse.orders");
        assertThat(provisioned.provisionedAt()).isEqualTo(events.get(5).time());

        events.subList(6, 8).forEach(projection::apply);
        AccessGrantView deprovisioned = grants.find(PROVISIONED).orElseThrow();
        assertThat(deprovisioned.provisioning()).isEqualTo(ProvisioningState.DEPROVISIONED);
        assertThat(deprovisioned.deprovisionedAt()).isEqualTo(events.get(7).time());
    }

    @Test
    void accessAsOfSaysWhetherTheAclsWereInPlaceAtTheInstant() {
        List<IncomingEvent> events = AccessStories.PROVISIONING.apply(PROVISIONED).events();
        events.forEach(projection::apply);
        Instant provisionedAt = events.get(5).time();
        Instant deprovisionedAt = events.get(7).time();

        assertThat(aclsInPlaceAt(provisionedAt.minusMillis(1))).isFalse();
        assertThat(aclsInPlaceAt(provisionedAt)).isTrue();
        assertThat(aclsInPlaceAt(events.get(6).time().minusMillis(1))).isTrue();
        assertThat(aclsInPlaceAt(deprovisionedAt.minusMillis(1)))
                .as("revoked, so not held: access-as-of lists only grants in force").isNull();
    }

    private Boolean aclsInPlaceAt(Instant at) {
        return grants.heldAt(new ListAccessAsOf(null, null, at, 0, 10)).items().stream()
                .filter(held -> held.grantId().equals(PROVISIONED)).map(AccessHeldView::aclsInPlace)
                .findFirst().orElse(null);
    }

    @Test
    void aRejectedOrWithdrawnRequestNeverBecomesAGrant() {
        AccessStories.REJECTING.apply(REJECTED).events().forEach(projection::apply);
        AccessStories.WITHDRAWING.apply(WITHDRAWN).events().forEach(projection::apply);

        assertThat(grants.find(REJECTED)).isEmpty();
        assertThat(grants.find(WITHDRAWN)).isEmpty();
        assertThat(document(REJECTED).get("eventCount", Number.class).longValue()).isEqualTo(3);
        assertThat(document(WITHDRAWN).get("eventCount", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void anUnknownEventOfTheRequestCountsSoTheGrantStillApplies() {
        AccessRequestStream.of(EXPIRED).requested().approvedByOwner()
                .unknown("governance.access-request.commented.v1").approvedBySteward().granted()
                .events().forEach(projection::apply);

        assertThat(grants.find(EXPIRED)).hasValueSatisfying(grant -> assertThat(grant.approvals()).hasSize(2));
        assertThat(document(EXPIRED).get("eventCount", Number.class).longValue()).isEqualTo(5);
    }

    @Test
    void eventsOfOtherAggregatesAreNotItsBusiness() {
        PolicyStream.fullLifecycle("confidential-data").forEach(projection::apply);

        assertThat(readModel().get(AccessGrantProjection.COLLECTION)).isEmpty();
    }

    private static Date payloadDate(IncomingEvent event, String field) {
        return Date.from(Instant.parse(event.payload().get(field).asText()));
    }

    private Document document(String id) {
        return database.collection(AccessGrantProjection.COLLECTION, Document.class).find(Filters.eq("_id", id)).first();
    }
}
