package com.acme.governance.command.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.access.ApproveAccessRequest;
import com.acme.governance.api.access.RejectAccessRequest;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.access.RevokeAccessGrant;
import com.acme.governance.api.access.WithdrawAccessRequest;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.command.TestActors;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.dataproduct.ProductFacts;
import com.acme.governance.command.policy.CatalogPolicy;
import com.acme.governance.edge.problem.InvalidInputException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

class AccessRequestTest {

    private static final String REQUEST = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a10";
    private static final AccessRequestId REQUEST_ID = AccessRequestId.of(REQUEST);
    private static final String RETIREMENT_EVENT = "0b4f0f0e-3c1d-4c57-9a0e-7d4fbd1e2a01";
    private static final TeamName MARKETING = TeamName.of("marketing");
    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final MetaData ALICE = TestActors.ALICE;
    private static final MetaData ERIN = TestActors.ERIN;
    private static final MetaData BOB = TestActors.BOB;
    private static final MetaData CAROL_STEWARD = TestActors.CAROL_STEWARD;
    private static final MetaData DAVE = TestActors.DAVE_AUDITOR;
    private static final AccessDecision OWNER_AND_STEWARD = new AccessDecision(
            List.of(new AppliedPolicy("confidential-data", 1)), List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30,
            true);

    private AggregateTestFixture<AccessRequest> fixture;
    private StubAccessContext context;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessRequest.class);
        now = fixture.currentTime();
        context = new StubAccessContext()
                .with(product(DataProductStatus.PUBLISHED))
                .with(new CatalogPolicy("confidential-data", 1, PolicyScope.global(), List.of(new PolicyRule(
                        new RuleCondition(List.of(Classification.CONFIDENTIAL), List.of()),
                        new RuleOutcome(List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true)))));
        fixture.registerInjectableResource(context);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        // as in the application: who sent a message, and its origin, carry over to what it causes (AxonConfig)
        CorrelationDataInterceptor<Message<?>> correlation = new CorrelationDataInterceptor<>(List.of(
                new SimpleCorrelationDataProvider(AuditMetadata.PRINCIPAL, AuditMetadata.ISSUER, AuditMetadata.TEAMS,
                        AuditMetadata.ROLES),
                new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID)));
        fixture.registerCommandHandlerInterceptor(correlation::handle);
        fixture.registerDeadlineHandlerInterceptor(correlation::handle);
    }

    @Test
    void requestRecordsTheEffectivePolicyItWasDecidedUnder() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, MARKETING, "campaign attribution", 30), BOB)
                .expectEvents(requested());
    }

    @Test
    void onlyPublishedOrDeprecatedProductsAcceptRequests() {
        context.with(product(DataProductStatus.DRAFT));
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, MARKETING, "campaign attribution", 30), BOB)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("data product sales.orders is DRAFT; "
                        + "only PUBLISHED or DEPRECATED products accept access requests")
                .expectNoEvents();
    }

    @Test
    void deprecatedProductStillAcceptsRequests() {
        context.with(product(DataProductStatus.DEPRECATED));
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, MARKETING, "campaign attribution", 30), BOB)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void requesterMustBelongToConsumerTeam() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, TeamName.of("logistics"), "route planning", 30), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(
                        "bob does not belong to team 'logistics' and cannot ask for access on its behalf")
                .expectNoEvents();
    }

    @Test
    void teamCannotRequestAccessToProductItOwns() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, TeamName.of("sales"), "own data", 30), ALICE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("team 'sales' owns sales.orders and needs no access request")
                .expectNoEvents();
    }

    @Test
    void durationCannotExceedMaxGrantDays() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, MARKETING, "campaign attribution", 90), BOB)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("at most 30 days may be granted on sales.orders, not 90")
                .expectNoEvents();
    }

    @Test
    void purposeIsRequiredWhenPolicySaysSo() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, MARKETING, " ", 30), BOB)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("a purpose is required for access to sales.orders")
                .expectNoEvents();
    }

    @Test
    void withoutMatchingPolicyOwnerApprovesUpTo365DaysWithoutPurpose() {
        context.with(new ProductFacts(ORDERS.toString(), "sales", "sales", DataProductStatus.PUBLISHED,
                Classification.INTERNAL, List.of()));
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST_ID, ORDERS, MARKETING, null, 365), BOB)
                .expectEvents(new AccessRequested(REQUEST, ORDERS, "sales", "marketing", null, 365, "bob",
                        new AccessDecision(List.of(), List.of(ApprovalRole.OWNER), 365, false)));
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST_ID), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("separation of duties: bob may not decide on their own request " + REQUEST)
                .expectNoEvents();
    }

    @Test
    void noMemberOfTheConsumerTeamGivesTheOwnerApproval() {
        MetaData inSalesAndMarketing = TestActors.actor("mia", List.of("sales", "marketing"), List.of());
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST_ID), inSalesAndMarketing)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("separation of duties: mia is in team 'marketing', which asks for access in"
                        + " request " + REQUEST + ", and may not approve it")
                .expectNoEvents();
    }

    @Test
    void noMemberOfTheConsumerTeamGivesTheStewardApproval() {
        MetaData stewardInMarketing = TestActors.actor("sam", List.of("marketing"), List.of("STEWARD"));
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), stewardInMarketing)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("separation of duties: sam is in team 'marketing', which asks for access in"
                        + " request " + REQUEST + ", and may not approve it")
                .expectNoEvents();
    }

    @Test
    void ownerApprovalComesFromOwnerTeam() {
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST_ID), ALICE)
                .expectEvents(new AccessRequestApproved(REQUEST, "alice", ApprovalRole.OWNER,
                        List.of(ApprovalRole.STEWARD)));
    }

    @Test
    void stewardApprovalComesFromSteward() {
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST_ID), CAROL_STEWARD)
                .expectEvents(new AccessRequestApproved(REQUEST, "carol", ApprovalRole.STEWARD,
                        List.of(ApprovalRole.OWNER)));
    }

    @Test
    void approverMustBeAbleToGiveAnOutstandingApproval() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), ERIN)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("erin can give none of the outstanding approvals [STEWARD]")
                .expectNoEvents();
    }

    @Test
    void outsiderCannotApprove() {
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST_ID), DAVE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("dave can give none of the outstanding approvals [OWNER, STEWARD]")
                .expectNoEvents();
    }

    @Test
    void samePersonCannotApproveTwice() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("alice has already approved request " + REQUEST)
                .expectNoEvents();
    }

    @Test
    void grantStartsWhenLastApprovalArrives() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), CAROL_STEWARD)
                .expectEvents(approvedBy("carol", ApprovalRole.STEWARD),
                        new AccessGranted(REQUEST, ORDERS, "marketing", now, now.plus(Duration.ofDays(30))))
                .expectScheduledDeadlineWithName(Duration.ofDays(30), AccessRequest.EXPIRY_DEADLINE);
    }

    @Test
    void noGrantOnAProductRetiredWhileTheRequestWasPending() {
        context.with(product(DataProductStatus.RETIRED));
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot grant access to sales.orders: it is RETIRED now")
                .expectNoEvents();
    }

    @Test
    void grantCutShortAfterTheLastApprovalIsCompletedByTheNextApprover() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), ERIN)
                .expectEvents(new AccessGranted(REQUEST, ORDERS, "marketing", now, now.plus(Duration.ofDays(30))))
                .expectScheduledDeadlineWithName(Duration.ofDays(30), AccessRequest.EXPIRY_DEADLINE);
    }

    @Test
    void grantCutShortStartsWhenItsLastApprovalArrived() {
        Instant lastApproval = now.minus(Duration.ofHours(5));
        fixture.givenCurrentTime(lastApproval)
                .andGiven(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), ERIN)
                .expectEvents(new AccessGranted(REQUEST, ORDERS, "marketing", lastApproval,
                        lastApproval.plus(Duration.ofDays(30))));
    }

    @Test
    void grantCutShortIsCompletedOnlyByTheOwnerTeamOrASteward() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD))
                .when(new ApproveAccessRequest(REQUEST_ID), DAVE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("dave can give none of the outstanding approvals []")
                .expectNoEvents();
    }

    @Test
    void grantedRequestTakesNoMoreApprovals() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD), granted())
                .when(new ApproveAccessRequest(REQUEST_ID), ERIN)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot approve request " + REQUEST + " in status GRANTED (requires PENDING)")
                .expectNoEvents();
    }

    @Test
    void grantExpiresByItselfAtItsEnd() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .andGivenCommands(new GenericCommandMessage<>(
                        new ApproveAccessRequest(REQUEST_ID), CAROL_STEWARD))
                .whenTimeElapses(Duration.ofDays(30).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(AccessRequest.EXPIRY_DEADLINE)
                .expectEvents(new AccessGrantExpired(REQUEST, ORDERS, now.plus(Duration.ofDays(30))));
    }

    @Test
    void expiryIsRecordedAsTheSystemsCausedByTheGrant() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .andGivenCommands(new GenericCommandMessage<>(
                        new ApproveAccessRequest(REQUEST_ID), CAROL_STEWARD))
                .whenTimeElapses(Duration.ofDays(30).plusSeconds(1))
                .expectEventsMatching(recordedAsTheSystemCausedBy(() -> grantEventId()));
    }

    @Test
    void revokedGrantDoesNotExpire() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .andGivenCommands(new GenericCommandMessage<>(
                        new ApproveAccessRequest(REQUEST_ID), CAROL_STEWARD),
                        new GenericCommandMessage<>(
                                new RevokeAccessGrant(REQUEST_ID, "misuse"), ALICE))
                .whenTimeElapses(Duration.ofDays(31))
                .expectNoEvents();
    }

    @Test
    void ownerTeamRevokesGrant() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD), granted())
                .when(new RevokeAccessGrant(REQUEST_ID, "misuse"), ERIN)
                .expectEvents(new AccessGrantRevoked(REQUEST, ORDERS, "erin", "misuse"));
    }

    @Test
    void consumerCannotRevokeGrant() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD), granted())
                .when(new RevokeAccessGrant(REQUEST_ID, "no longer needed"), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("bob is neither in owner team 'sales' nor a data steward")
                .expectNoEvents();
    }

    @Test
    void onlyGrantedAccessCanBeRevoked() {
        fixture.given(requested())
                .when(new RevokeAccessGrant(REQUEST_ID, "misuse"), CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot revoke request " + REQUEST + " in status PENDING (requires GRANTED)")
                .expectNoEvents();
    }

    @Test
    void approverRejectsWithReason() {
        fixture.given(requested())
                .when(new RejectAccessRequest(REQUEST_ID, "purpose too vague"), CAROL_STEWARD)
                .expectEvents(new AccessRequestRejected(REQUEST, "carol", "purpose too vague"));
    }

    @Test
    void ownerTeamRejectsEvenAfterItsApprovalWasGiven() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD))
                .when(new RejectAccessRequest(REQUEST_ID, "not for this purpose"), ERIN)
                .expectEvents(new AccessRequestRejected(REQUEST, "erin", "not for this purpose"));
    }

    @Test
    void outsiderCannotReject() {
        fixture.given(requested())
                .when(new RejectAccessRequest(REQUEST_ID, "no"), DAVE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("dave is neither in owner team 'sales' nor a data steward")
                .expectNoEvents();
    }

    @Test
    void requesterCannotRejectOwnRequest() {
        fixture.given(requested())
                .when(new RejectAccessRequest(REQUEST_ID, "changed my mind"), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("separation of duties: bob may not decide on their own request " + REQUEST)
                .expectNoEvents();
    }

    @Test
    void requesterWithdraws() {
        fixture.given(requested())
                .when(new WithdrawAccessRequest(REQUEST_ID), BOB)
                .expectEvents(new AccessRequestWithdrawn(REQUEST, "bob"));
    }

    @Test
    void onlyRequesterWithdraws() {
        fixture.given(requested())
                .when(new WithdrawAccessRequest(REQUEST_ID), ALICE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("only bob, who made request " + REQUEST + ", may withdraw it")
                .expectNoEvents();
    }

    @Test
    void onlyPendingRequestIsRejected() {
        fixture.given(requested(), new AccessRequestWithdrawn(REQUEST, "bob"))
                .when(new RejectAccessRequest(REQUEST_ID, "no"), CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot reject request " + REQUEST + " in status WITHDRAWN (requires PENDING)")
                .expectNoEvents();
    }

    @Test
    void onlyPendingRequestIsWithdrawn() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD), granted())
                .when(new WithdrawAccessRequest(REQUEST_ID), BOB)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot withdraw request " + REQUEST + " in status GRANTED (requires PENDING)")
                .expectNoEvents();
    }

    @Test
    void retirementRejectsPendingRequest() {
        fixture.given(requested())
                .when(new CloseAccessOnProductRetirement(REQUEST_ID, "gone", RETIREMENT_EVENT), CAROL_STEWARD)
                .expectEvents(new AccessRequestRejected(REQUEST, AccessRequest.SYSTEM,
                        "data product sales.orders was retired: gone"));
    }

    @Test
    void retirementRevokesActiveGrant() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD), granted())
                .when(new CloseAccessOnProductRetirement(REQUEST_ID, "gone", RETIREMENT_EVENT), CAROL_STEWARD)
                .expectEvents(new AccessGrantRevoked(REQUEST, ORDERS, AccessRequest.SYSTEM,
                        "data product sales.orders was retired: gone"));
    }

    @Test
    void closureOnRetirementIsRecordedAsTheSystemsCausedByTheRetirement() {
        fixture.given(requested(), approvedBy("alice", ApprovalRole.OWNER, ApprovalRole.STEWARD),
                        approvedBy("carol", ApprovalRole.STEWARD), granted())
                .when(new CloseAccessOnProductRetirement(REQUEST_ID, "gone", RETIREMENT_EVENT), CAROL_STEWARD)
                .expectEventsMatching(recordedAsTheSystemCausedBy(() -> RETIREMENT_EVENT));
        fixture.given(requested())
                .when(new CloseAccessOnProductRetirement(REQUEST_ID, "gone", RETIREMENT_EVENT), CAROL_STEWARD)
                .expectEventsMatching(recordedAsTheSystemCausedBy(() -> RETIREMENT_EVENT));
    }

    @Test
    void retirementLeavesClosedRequestAlone() {
        fixture.given(requested(), new AccessRequestWithdrawn(REQUEST, "bob"))
                .when(new CloseAccessOnProductRetirement(REQUEST_ID, "gone", RETIREMENT_EVENT), CAROL_STEWARD)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** One event, by the system alone (its own issuer, no teams, no roles), whose cause is the given event. */
    private static Matcher<List<EventMessage<?>>> recordedAsTheSystemCausedBy(Supplier<String> causingEventId) {
        return Matchers.exactSequenceOf(Matchers.<EventMessage<?>>predicate(event -> {
            MetaData metaData = event.getMetaData();
            return AuditMetadata.SYSTEM_PRINCIPAL.equals(metaData.get(AuditMetadata.PRINCIPAL))
                    && Actor.SYSTEM_ISSUER.equals(metaData.get(AuditMetadata.ISSUER))
                    && List.of().equals(metaData.get(AuditMetadata.TEAMS))
                    && List.of().equals(metaData.get(AuditMetadata.ROLES))
                    && causingEventId.get().equals(metaData.get(AuditMetadata.CAUSATION_ID));
        }), Matchers.andNoMore());
    }

    private String grantEventId() {
        return fixture.getEventStore().readEvents(REQUEST).asStream()
                .filter(event -> event.getPayload() instanceof AccessGranted)
                .map(Message::getIdentifier).findFirst().orElseThrow();
    }

    private AccessRequested requested() {
        return new AccessRequested(REQUEST, ORDERS, "sales", "marketing", "campaign attribution", 30, "bob",
                OWNER_AND_STEWARD);
    }

    private AccessGranted granted() {
        return new AccessGranted(REQUEST, ORDERS, "marketing", now, now.plus(Duration.ofDays(30)));
    }

    private static AccessRequestApproved approvedBy(String principal, ApprovalRole role, ApprovalRole... outstanding) {
        return new AccessRequestApproved(REQUEST, principal, role, List.of(outstanding));
    }

    private static ProductFacts product(DataProductStatus status) {
        return new ProductFacts(ORDERS.toString(), "sales", "sales", status, Classification.CONFIDENTIAL,
                List.of("pii"));
    }

}
