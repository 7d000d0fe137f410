package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.ApprovalEligibility;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.TestJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.acme.governance.query.access.AccessStories.start;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code awaitingMyApproval=true}: the requests whose next required approval the caller can give. */
class AwaitingMyApprovalTest {

    /** bob asks for sales.orders, OWNER and STEWARD needed, nobody approved yet. */
    private static final String FRESH = "a0000000-0000-4000-8000-000000000001";
    /** bob asks for sales.orders, alice approved as OWNER, STEWARD outstanding. */
    private static final String OWNER_APPROVED = "a0000000-0000-4000-8000-000000000002";
    /** bob asks for sales.customers, only STEWARD needed. */
    private static final String STEWARD_ONLY = "a0000000-0000-4000-8000-000000000003";
    /** erin (sales and logistics) asks for sales.orders on behalf of logistics, OWNER needed. */
    private static final String BY_ERIN = "a0000000-0000-4000-8000-000000000004";
    /** bob's request for sales.orders, granted. */
    private static final String GRANTED = "a0000000-0000-4000-8000-000000000005";
    /** alice asks for marketing.campaigns on behalf of sales, OWNER needed. */
    private static final String FOR_MARKETING = "a0000000-0000-4000-8000-000000000006";

    private static final Actor ALICE = new Actor("alice", List.of("sales"), List.of());
    private static final Actor BOB = new Actor("bob", List.of("marketing"), List.of());
    private static final Actor CAROL = new Actor("carol", List.of(), List.of("STEWARD"));
    private static final Actor DAVE = new Actor("dave", List.of(), List.of("AUDITOR"));
    private static final Actor ERIN = new Actor("erin", List.of("logistics", "sales"), List.of());
    /** A steward who is also in the sales team. */
    private static final Actor FRANK = new Actor("frank", List.of("sales"), List.of("STEWARD"));

    private static InMemoryMongo mongo;
    private AccessRequestProjection projection;
    private AccessRequestRepository repository;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void populate() {
        var database = mongo.freshDatabase();
        projection = new AccessRequestProjection(database, new EventPayloads(TestJson.MAPPER));
        repository = new AccessRequestRepository(database);
        project(AccessRequestStream.of(FRESH, start(0)).requested());
        project(AccessRequestStream.of(OWNER_APPROVED, start(1)).requested().approvedByOwner());
        project(AccessRequestStream.of(STEWARD_ONLY, start(2)).requested("sales.customers", "sales", "marketing", "bob",
                List.of("marketing"), new AccessDecision(List.of(), List.of(ApprovalRole.STEWARD), 90, false)));
        project(AccessRequestStream.of(BY_ERIN, start(3)).requested("sales.orders", "sales", "logistics", "erin",
                List.of("logistics", "sales"), AccessRequestStream.OWNER_ONLY));
        project(AccessRequestStream.of(GRANTED, start(4)).requested().approvedByOwner().approvedBySteward().granted());
        project(AccessRequestStream.of(FOR_MARKETING, start(5)).requested("marketing.campaigns", "marketing", "sales",
                "alice", List.of("sales"), AccessRequestStream.OWNER_ONLY));
    }

    @Test
    void aliceInSalesCanGiveTheOwnerApprovalOnSalesProducts() {
        assertThat(awaiting(ALICE)).containsExactly(FRESH, BY_ERIN);
    }

    @Test
    void carolTheStewardCanGiveEveryOutstandingStewardApproval() {
        assertThat(awaiting(CAROL)).containsExactly(FRESH, OWNER_APPROVED, STEWARD_ONLY);
    }

    @Test
    void bobTheRequesterNeverSeesHisOwnRequests() {
        assertThat(awaiting(BOB)).containsExactly(FOR_MARKETING);
    }

    @Test
    void nobodyApprovesTheirOwnRequestEvenAsAMemberOfTheOwnerTeam() {
        assertThat(awaiting(ERIN)).containsExactly(FRESH);
    }

    @Test
    void aStewardInTheOwnerTeamCanGiveEitherApproval() {
        assertThat(awaiting(FRANK)).containsExactly(FRESH, OWNER_APPROVED, STEWARD_ONLY, BY_ERIN);
    }

    @Test
    void noMemberOfTheConsumerTeamIsAskedToApproveItsRequest() {
        String forLogistics = "a0000000-0000-4000-8000-000000000007";
        project(AccessRequestStream.of(forLogistics, start(6)).requested("sales.orders", "sales", "logistics", "gina",
                List.of("logistics"), AccessRequestStream.OWNER_AND_STEWARD));
        Actor stewardInLogistics = new Actor("lena", List.of("logistics"), List.of("STEWARD"));

        assertThat(awaiting(ERIN)).as("erin is in the owner team, but in logistics too").doesNotContain(forLogistics);
        assertThat(awaiting(stewardInLogistics)).doesNotContain(forLogistics);
        assertThat(awaiting(ALICE)).contains(forLogistics);
        assertThat(awaiting(CAROL)).contains(forLogistics);
    }

    @Test
    void whoCanGiveNoApprovalAwaitsNothing() {
        assertThat(awaiting(DAVE)).isEmpty();
        assertThat(awaiting(new Actor("nobody", List.of(), List.of()))).isEmpty();
    }

    @Test
    void afterAliceApprovedSheNoLongerSeesItWhileTheStewardStillDoes() {
        AccessRequestStream story = AccessRequestStream.of(FRESH, start(0)).requested().approvedByOwner();
        assertThat(awaiting(ALICE)).contains(FRESH);

        projection.apply(story.last());

        assertThat(awaiting(ALICE)).doesNotContain(FRESH);
        assertThat(awaiting(CAROL)).contains(FRESH);
    }

    @Test
    void whoApprovedOnceIsNotAskedAgainForTheOtherRole() {
        AccessRequestStream story = AccessRequestStream.of(FRESH, start(0)).requested()
                .approved(FRANK.principal(), ApprovalRole.OWNER, FRANK.teams(), FRANK.roles());
        projection.apply(story.last());

        // STEWARD is still outstanding and frank is a steward, but the command side refuses a second approval by him
        assertThat(awaiting(FRANK)).doesNotContain(FRESH);
        assertThat(awaiting(CAROL)).contains(FRESH);
    }

    @Test
    void onceGrantedNobodySeesItAnyMore() {
        AccessRequestStream.of(OWNER_APPROVED, start(1)).requested().approvedByOwner().approvedBySteward().granted()
                .events().forEach(projection::apply);

        assertThat(awaiting(CAROL)).containsExactly(FRESH, STEWARD_ONLY);
        assertThat(awaiting(FRANK)).doesNotContain(OWNER_APPROVED, GRANTED);
    }

    @Test
    void combinesWithTheOtherFiltersAndIsIgnoredWhenFalse() {
        var onCustomers = new ListAccessRequests(null, DataProductId.of("sales.customers"), null, true, 0, 20);
        assertThat(ids(repository.search(onCustomers, CAROL).items())).containsExactly(STEWARD_ONLY);
        var pendingForAnybody = new ListAccessRequests(AccessRequestStatus.PENDING, null, null, false, 0, 20);
        assertThat(repository.search(pendingForAnybody, DAVE).total()).isEqualTo(5);
        var secondPage = new ListAccessRequests(null, null, null, true, 1, 2);
        assertThat(ids(repository.search(secondPage, CAROL).items())).containsExactly(STEWARD_ONLY);
        assertThat(repository.search(secondPage, CAROL).total()).isEqualTo(3);
    }

    @Test
    void listsExactlyTheRequestsTheApprovalRuleLetsTheCallerApprove() {
        List<AccessRequestView> every = repository.search(new ListAccessRequests(null, null, null, false, 0, 20), DAVE)
                .items();
        for (Actor caller : List.of(ALICE, BOB, CAROL, DAVE, ERIN, FRANK)) {
            List<String> approvable = every.stream().filter(request -> approvableBy(caller, request))
                    .map(AccessRequestView::id).toList();
            assertThat(awaiting(caller)).as(caller.principal()).containsExactlyInAnyOrderElementsOf(approvable);
        }
    }

    /** The command side's decision, asked of the rule itself. */
    private static boolean approvableBy(Actor caller, AccessRequestView request) {
        List<String> approvers = request.approvals().stream().map(ApprovalView::principal).toList();
        return request.status() == AccessRequestStatus.PENDING
                && !ApprovalEligibility.isOwnRequest(caller, request.requestedBy())
                && !ApprovalEligibility.isInConsumerTeam(caller, request.consumerTeam())
                && !ApprovalEligibility.hasApproved(caller, approvers)
                && ApprovalEligibility.roleFor(caller, request.ownerTeam(), request.outstandingApprovals()).isPresent();
    }

    private List<String> awaiting(Actor caller) {
        return ids(repository.search(new ListAccessRequests(null, null, null, true, 0, 20), caller).items());
    }

    private static List<String> ids(List<AccessRequestView> requests) {
        return requests.stream().map(AccessRequestView::id).toList();
    }

    private void project(AccessRequestStream stream) {
        stream.events().forEach(projection::apply);
    }
}
