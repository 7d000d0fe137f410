package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.audit.Actor;
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
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.acme.governance.query.access.AccessStories.EXPIRED;
import static com.acme.governance.query.access.AccessStories.REJECTED;
import static com.acme.governance.query.access.AccessStories.REVOKED;
import static com.acme.governance.query.access.AccessStories.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads over one populated read model; the tests only read, so they share it. */
class AccessRequestRepositoryTest {

    private static final Actor DAVE = new Actor("dave", List.of(), List.of("AUDITOR"));
    private static final String ELSEWHERE = "4fad6a5c-ad8d-4bad-9e99-7a5b6cbdce05";

    private static InMemoryMongo mongo;
    private static AccessRequestRepository repository;
    private static List<IncomingEvent> expiring;

    @BeforeAll
    static void populate() {
        mongo = InMemoryMongo.start();
        var database = mongo.freshDatabase();
        var projection = new AccessRequestProjection(database, new EventPayloads(TestJson.MAPPER));
        expiring = AccessStories.EXPIRING.apply(EXPIRED).events();
        AccessStories.interleaved().forEach(projection::apply);
        AccessRequestStream.of(ELSEWHERE, AccessStories.start(4))
                .requested("logistics.shipments", "logistics", "sales", "alice", List.of("sales"),
                        AccessRequestStream.OWNER_ONLY)
                .events().forEach(projection::apply);
        repository = new AccessRequestRepository(database);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void findsOneRequestWithEveryField() {
        AccessRequestView request = repository.find(EXPIRED).orElseThrow();

        assertThat(request.id()).isEqualTo(EXPIRED);
        assertThat(request.dataProductId()).isEqualTo("sales.orders");
        assertThat(request.ownerTeam()).isEqualTo("sales");
        assertThat(request.consumerTeam()).isEqualTo("marketing");
        assertThat(request.purpose()).isEqualTo("campaign attribution");
        assertThat(request.durationDays()).isEqualTo(30);
        assertThat(request.requestedBy()).isEqualTo("bob");
        assertThat(request.requestedAt()).isEqualTo(expiring.get(0).time());
        assertThat(request.status()).isEqualTo(AccessRequestStatus.EXPIRED);
        assertThat(request.requiredApprovals()).containsExactly(ApprovalRole.OWNER, ApprovalRole.STEWARD);
        assertThat(request.outstandingApprovals()).isEmpty();
        assertThat(request.approvals()).containsExactly(
                new ApprovalView("alice", ApprovalRole.OWNER, expiring.get(1).time()),
                new ApprovalView("carol", ApprovalRole.STEWARD, expiring.get(2).time()));
        assertThat(request.decision()).isEqualTo(AccessRequestStream.OWNER_AND_STEWARD);
        assertThat(request.grantedAt()).isEqualTo(expiring.get(3).time());
        assertThat(request.expiresAt()).isEqualTo(millis(Instant.parse(expiring.get(3).payload().get("expiresAt").asText())));
        assertThat(request.closedAt()).isEqualTo(expiring.get(4).time());
        assertThat(request.updatedAt()).isEqualTo(expiring.get(4).time());
        assertThat(request.rejectedBy()).isNull();
        assertThat(request.withdrawnAt()).isNull();
    }

    @Test
    void rejectionAndWithdrawalAreShown() {
        AccessRequestView rejected = repository.find(REJECTED).orElseThrow();
        assertThat(rejected.status()).isEqualTo(AccessRequestStatus.REJECTED);
        assertThat(rejected.rejectedBy()).isEqualTo("erin");
        assertThat(rejected.rejectionReason()).isEqualTo("no legal basis");
        assertThat(rejected.rejectedAt()).isEqualTo(rejected.closedAt()).isNotNull();
        assertThat(rejected.outstandingApprovals()).containsExactly(ApprovalRole.STEWARD);

        AccessRequestView withdrawn = repository.find(WITHDRAWN).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(AccessRequestStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo("bob");
        assertThat(withdrawn.withdrawnAt()).isEqualTo(withdrawn.closedAt()).isNotNull();
        assertThat(withdrawn.grantedAt()).isNull();
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(repository.find("5ebe7b6d-be9e-4cbe-8faa-8b6c7dcedf06")).isEmpty();
    }

    @Test
    void withoutFiltersListsEveryRequestOldestFirst() {
        PageView<AccessRequestView> page = repository.search(query(null, null, null, 0, 20), DAVE);

        assertThat(ids(page)).containsExactly(EXPIRED, REVOKED, REJECTED, WITHDRAWN, ELSEWHERE);
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void filtersCombine() {
        assertThat(ids(repository.search(query(AccessRequestStatus.REVOKED, null, null, 0, 20), DAVE)))
                .containsExactly(REVOKED);
        assertThat(ids(repository.search(query(null, DataProductId.of("logistics.shipments"), null, 0, 20), DAVE)))
                .containsExactly(ELSEWHERE);
        assertThat(ids(repository.search(query(null, null, "marketing", 0, 20), DAVE)))
                .containsExactly(EXPIRED, REVOKED, REJECTED, WITHDRAWN);
        assertThat(ids(repository.search(query(AccessRequestStatus.PENDING, null, "sales", 0, 20), DAVE)))
                .containsExactly(ELSEWHERE);
        assertThat(ids(repository.search(query(AccessRequestStatus.GRANTED, DataProductId.of("sales.orders"), null, 0, 20), DAVE)))
                .isEmpty();
    }

    @Test
    void pagesAreSlicesOfTheSameOrderWithTheTotalOfAllMatches() {
        PageView<AccessRequestView> second = repository.search(query(null, null, null, 1, 2), DAVE);

        assertThat(ids(second)).containsExactly(REJECTED, WITHDRAWN);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    private static ListAccessRequests query(AccessRequestStatus status, DataProductId product, String consumerTeam,
                                            int page, int size) {
        return new ListAccessRequests(status, product, consumerTeam == null ? null : TeamName.of(consumerTeam), false,
                page, size);
    }

    private static List<String> ids(PageView<AccessRequestView> page) {
        return page.items().stream().map(AccessRequestView::id).toList();
    }

    /** MongoDB keeps instants to the millisecond. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
