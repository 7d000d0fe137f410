package com.acme.governance.command.audit.digest;

import com.acme.governance.api.audit.AuditDigestIssued;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.command.TestActors;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.security.ActorMetaData;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class AuditLedgerTest {

    static final Instant FIRST = Instant.parse("2026-12-02T06:00:00.125Z");
    static final Instant SECOND = FIRST.plusSeconds(3600);
    static final Instant THIRD = SECOND.plusSeconds(3600);
    static final MetaData ADMIN_OPERATOR = TestActors.actor("admin", List.of(), List.of("OPERATOR"));
    static final MetaData SYSTEM = ActorMetaData.of(DigestIssuers.SYSTEM);

    private AggregateTestFixture<AuditLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuditLedger.class);
    }

    @Test
    void theFirstDigestOpensTheLedger() {
        fixture.givenNoPriorActivity()
                .when(issue("d-1", FIRST, null), TestActors.DAVE_AUDITOR)
                .expectEvents(issued("d-1", FIRST))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aDigestCoveringTheLatestDigestIsRecordedAfterIt() {
        fixture.given(issued("d-1", FIRST), issued("d-2", SECOND))
                .when(issue("d-3", THIRD, 1L), TestActors.DAVE_AUDITOR)
                .expectEvents(issued("d-3", THIRD))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aDigestThatDidNotSeeTheLatestDigestIsNotRecorded() {
        fixture.given(issued("d-1", FIRST), issued("d-2", SECOND))
                .when(issue("d-3", THIRD, 0L), TestActors.DAVE_AUDITOR)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("digest d-3 read the audit ledger at sequence 0, but it is at sequence 1 "
                        + "now: another digest was recorded meanwhile; issue a new one")
                .expectNoEvents();
    }

    @Test
    void aDigestThatSawNoLedgerIsNotRecordedOnceTheLedgerIsOpen() {
        fixture.given(issued("d-1", FIRST))
                .when(issue("d-2", SECOND, null), ADMIN_OPERATOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void operatorsIssueDigests() {
        fixture.given(issued("d-1", FIRST))
                .when(issue("d-2", SECOND, 0L), ADMIN_OPERATOR)
                .expectEvents(issued("d-2", SECOND));
    }

    @Test
    void theSystemIssuesDigestsOnItsSchedule() {
        fixture.givenNoPriorActivity()
                .when(issue("d-1", FIRST, null), SYSTEM)
                .expectEvents(issued("d-1", FIRST));
    }

    @Test
    void domainTeamMembersIssueNoDigest() {
        fixture.givenNoPriorActivity()
                .when(issue("d-1", FIRST, null), TestActors.ALICE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("alice is neither an auditor nor an operator; only they, and the system on "
                        + "its schedule, issue audit digests")
                .expectNoEvents();
    }

    @Test
    void stewardsIssueNoDigest() {
        fixture.given(issued("d-1", FIRST))
                .when(issue("d-2", SECOND, 0L), TestActors.CAROL_STEWARD)
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void somebodyCalledSystemWithARoleIsNotTheSystem() {
        fixture.givenNoPriorActivity()
                .when(issue("d-1", FIRST, null), TestActors.actor(AuditMetadata.SYSTEM_PRINCIPAL, List.of("sales"),
                        List.of()))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    static IssueAuditDigest issue(String digestId, Instant issuedAt, Long ledgerSequence) {
        return new IssueAuditDigest(IssueAuditDigest.LEDGER, digestId, issuedAt, 12, 3, "root-" + digestId, "key-1",
                "signature-" + digestId, ledgerSequence);
    }

    static AuditDigestIssued issued(String digestId, Instant issuedAt) {
        return new AuditDigestIssued(digestId, issuedAt, 12, 3, "root-" + digestId, "key-1", "signature-" + digestId);
    }
}
