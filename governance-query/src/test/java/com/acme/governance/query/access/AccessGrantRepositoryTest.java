package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.TestJson;
import com.acme.governance.query.web.PageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.acme.governance.query.access.AccessStories.EXPIRED;
import static com.acme.governance.query.access.AccessStories.REJECTED;
import static com.acme.governance.query.access.AccessStories.REVOKED;
import static com.acme.governance.query.access.AccessStories.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reads over one populated read model; the tests only read, so they share it. */
class AccessGrantRepositoryTest {

    /** alice's team sales got logistics.shipments with the owner's approval only; still active. */
    private static final String ACTIVE = "6fcf8c7e-cfaf-4dcf-9abb-9c7d8edfe007";
    /** Approved by its owner but still waiting for the steward: no grant yet. */
    private static final String PENDING = "7adf9d8f-dabf-4eda-8bcc-ad8e9fe0f108";

    private static InMemoryMongo mongo;
    private static AccessGrantRepository repository;
    private static List<IncomingEvent> revoking;

    @BeforeAll
    static void populate() {
        mongo = InMemoryMongo.start();
        var database = mongo.freshDatabase();
        var projection = new AccessGrantProjection(database, new EventPayloads(TestJson.MAPPER));
        revoking = AccessStories.REVOKING.apply(REVOKED).events();
        AccessStories.interleaved().forEach(projection::apply);
        AccessRequestStream.of(ACTIVE, AccessStories.start(4))
                .requested("logistics.shipments", "logistics", "sales", "alice", List.of("sales"),
                        AccessRequestStream.OWNER_ONLY)
                .approved("erin", ApprovalRole.OWNER, List.of("logistics", "sales"), List.of()).granted()
                .events().forEach(projection::apply);
        AccessRequestStream.of(PENDING, AccessStories.start(5)).requested().approvedByOwner()
                .events().forEach(projection::apply);
        repository = new AccessGrantRepository(database);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void findsOneGrantWithEveryField() {
        AccessGrantView grant = repository.find(REVOKED).orElseThrow();

        assertThat(grant.id()).isEqualTo(REVOKED);
        assertThat(grant.dataProductId()).isEqualTo("sales.orders");
        assertThat(grant.consumerTeam()).isEqualTo("marketing");
        assertThat(grant.ownerTeam()).isEqualTo("sales");
        assertThat(grant.purpose()).isEqualTo("campaign attribution");
        assertThat(grant.requestedBy()).isEqualTo("bob");
        assertThat(grant.status()).isEqualTo(AccessGrantStatus.REVOKED);
        assertThat(grant.startsAt()).isEqualTo(Instant.parse(revoking.get(3).payload().get("startsAt").asText()));
        assertThat(grant.expiresAt()).isEqualTo(Instant.parse(revoking.get(3).payload().get("expiresAt").asText()));
        assertThat(grant.approvals()).extracting(ApprovalView::principal, ApprovalView::role).containsExactly(
                tuple("alice", ApprovalRole.OWNER),
                tuple("carol", ApprovalRole.STEWARD));
        assertThat(grant.decision()).isEqualTo(AccessRequestStream.OWNER_AND_STEWARD);
        assertThat(grant.revokedBy()).isEqualTo("carol");
        assertThat(grant.revocationReason()).isEqualTo("campaign over");
        assertThat(grant.revokedAt()).isEqualTo(revoking.get(4).time());
        assertThat(grant.expiredAt()).isNull();
        assertThat(grant.updatedAt()).isEqualTo(revoking.get(4).time());
    }

    @Test
    void aRequestThatIsNotGrantedHasNoGrant() {
        assertThat(repository.find(PENDING)).isEmpty();
        assertThat(repository.find(REJECTED)).isEmpty();
        assertThat(repository.find(WITHDRAWN)).isEmpty();
        assertThat(repository.find("8beaa09a-ebca-4feb-9cdd-be9fa0f1a209")).isEmpty();
    }

    @Test
    void withoutFiltersListsEveryGrantEarliestStartFirst() {
        PageView<AccessGrantView> page = repository.search(new ListAccessGrants(null, null, null, 0, 20));

        assertThat(ids(page)).containsExactly(EXPIRED, REVOKED, ACTIVE);
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void filtersCombine() {
        assertThat(ids(repository.search(new ListAccessGrants(null, null, AccessGrantStatus.ACTIVE, 0, 20))))
                .containsExactly(ACTIVE);
        assertThat(ids(repository.search(new ListAccessGrants(null, null, AccessGrantStatus.EXPIRED, 0, 20))))
                .containsExactly(EXPIRED);
        assertThat(ids(repository.search(new ListAccessGrants(DataProductId.of("sales.orders"), null, null, 0, 20))))
                .containsExactly(EXPIRED, REVOKED);
        assertThat(ids(repository.search(new ListAccessGrants(null, TeamName.of("sales"), null, 0, 20))))
                .containsExactly(ACTIVE);
        assertThat(ids(repository.search(new ListAccessGrants(DataProductId.of("sales.orders"), TeamName.of("marketing"),
                AccessGrantStatus.REVOKED, 0, 20)))).containsExactly(REVOKED);
        assertThat(ids(repository.search(new ListAccessGrants(DataProductId.of("sales.orders"), null,
                AccessGrantStatus.ACTIVE, 0, 20)))).isEmpty();
    }

    @Test
    void pagesAreSlicesOfTheSameOrderWithTheTotalOfAllMatches() {
        PageView<AccessGrantView> second = repository.search(new ListAccessGrants(null, null, null, 1, 2));

        assertThat(ids(second)).containsExactly(ACTIVE);
        assertThat(second.total()).isEqualTo(3);
    }

    private static List<String> ids(PageView<AccessGrantView> page) {
        return page.items().stream().map(AccessGrantView::id).toList();
    }
}
