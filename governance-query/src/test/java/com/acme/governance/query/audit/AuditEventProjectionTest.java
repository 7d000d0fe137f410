package com.acme.governance.query.audit;

import com.acme.governance.api.audit.AuditDigestIssued;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.ProjectionGapException;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.EventChain;
import com.acme.governance.query.support.PolicyStream;
import com.acme.governance.query.support.ProjectionContractTest;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEventProjectionTest extends ProjectionContractTest {

    private static final String ID = "sales.orders";

    private AuditEventRepository repository;

    @Override
    protected Projection projection(ReadModelDatabase database) {
        repository = new AuditEventRepository(database);
        return new AuditEventProjection(database);
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new AuditEventIndexes();
    }

    /** Every kind of aggregate, and an event type this version does not know. */
    @Override
    protected List<List<IncomingEvent>> streams() {
        return List.of(DataProductStream.fullLifecycle(ID), PolicyStream.fullLifecycle("confidential-data"),
                AccessRequestStream.of("0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01").requested().withdrawn().events(),
                DataProductStream.of("marketing.campaigns").registered().unknown("governance.dataproduct.renamed.v1")
                        .events(),
                auditLedger());
    }

    /** The command side's digests, recorded by the system in the audit ledger, are kept like any decision. */
    private static List<IncomingEvent> auditLedger() {
        Instant start = Instant.parse("2026-02-01T09:00:00.500Z");
        EventChain ledger = new EventChain("audit-ledger", "AuditLedger", start);
        for (int digest = 1; digest <= 2; digest++) {
            ledger.append(new AuditDigestIssued("digest-" + digest, ledger.nextTime(), 10L * digest, 3, "root-" + digest,
                    "3f2a9c1e7b4d6a08", "signature-" + digest), "system", List.of(), List.of());
        }
        return ledger.events();
    }

    @Override
    protected List<String> collections() {
        return List.of(AuditEventProjection.COLLECTION);
    }

    @Test
    void keepsEveryEnvelopeFieldAndThePayload() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        IncomingEvent deprecated = stream.get(4);

        stream.subList(0, 5).forEach(projection::apply);

        Document stored = database.collection(AuditEventProjection.COLLECTION, Document.class).find(Filters.eq("_id", deprecated.eventId())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("type")).isEqualTo("governance.dataproduct.deprecated.v2");
        assertThat(stored.getString("aggregateId")).isEqualTo(ID);
        assertThat(stored.getString("aggregateType")).isEqualTo("DataProduct");
        assertThat(stored.get("sequence", Number.class).longValue()).isEqualTo(4);
        assertThat(stored.getDate("time")).isEqualTo(Date.from(deprecated.time()));
        assertThat(stored.getString("principal")).isEqualTo("carol");
        assertThat(stored.getList("teams", String.class)).isEmpty();
        assertThat(stored.getList("roles", String.class)).containsExactly("STEWARD");
        assertThat(stored.getString("correlationId")).isEqualTo(deprecated.correlationId());
        assertThat(stored.getString("causationId")).isEqualTo(deprecated.causationId());
        assertThat(stored.getString("hash")).isEqualTo(deprecated.hash());
        assertThat(stored.getString("previousHash")).isEqualTo(deprecated.previousHash()).isNotEmpty();
        assertThat(stored.getString("payload")).contains("superseded by sales.orders-v2");
    }

    /** A command instance whose clock is behind appended event 1: the trail still gives 0, 1, 2, each its own time. */
    @Test
    void theTrailKeepsAnAggregatesEventsInSequenceWhenTheClocksThatStampedThemDisagree() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID).subList(0, 3);
        IncomingEvent late = stream.get(1);
        Instant skewed = stream.get(0).time().minusSeconds(30);
        List<IncomingEvent> applied = List.of(stream.get(0), withTime(late, skewed), stream.get(2));
        applied.forEach(projection::apply);

        AuditTrailPage page = repository.page(new ListAuditEvents(ID, null, null, null, null, null, null, 10));

        assertThat(page.items()).extracting(AuditTrailItem::sequence).containsExactly(0L, 1L, 2L);
        assertThat(page.items()).extracting(AuditTrailItem::time).containsExactly(stream.get(0).time(), skewed,
                stream.get(2).time());
    }

    @Test
    void historyIsOldestFirstWhateverTheOrderOfTheAggregatesAndKeepsEachPayload() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        List<IncomingEvent> other = DataProductStream.fullLifecycle("marketing.campaigns");
        for (int i = 0; i < stream.size(); i++) {
            projection.apply(other.get(i));
            projection.apply(stream.get(i));
        }

        List<HistoryEntry> history = repository.historyOf(ID);

        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(history).extracting(HistoryEntry::eventId)
                .containsExactlyElementsOf(stream.stream().map(IncomingEvent::eventId).toList());
        HistoryEntry contract = history.get(2);
        assertThat(contract.type()).isEqualTo("governance.dataproduct.contract-version-published.v2");
        assertThat(contract.payload()).isEqualTo(stream.get(2).payload());
        assertThat(contract.time()).isEqualTo(stream.get(2).time());
        assertThat(contract.previousHash()).isEqualTo(stream.get(1).hash());
        assertThat(history.get(0).previousHash()).isEmpty();
    }

    @Test
    void anUnknownEventTypeIsKeptInTheLogToo() {
        DataProductStream.of(ID).registered().unknown("governance.dataproduct.renamed.v1").events()
                .forEach(projection::apply);

        assertThat(repository.historyOf(ID)).extracting(HistoryEntry::type)
                .containsExactly("governance.dataproduct.registered.v2", "governance.dataproduct.renamed.v1");
    }

    /**
     * The predecessor's trail time is remembered only for the event applied right before: after another instance
     * applied the aggregate's next event (a partition that moved and came back), the stored one counts, here a trail
     * time 30 min ahead of the clocks that the later event must keep.
     */
    @Test
    void anEventWhosePredecessorAnotherInstanceAppliedTakesTheStoredTrailTime() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID).subList(0, 4);
        IncomingEvent ahead = withTime(stream.get(2), stream.get(2).time().plusSeconds(1800));
        Projection otherInstance = new AuditEventProjection(database);

        projection.apply(stream.get(0));
        projection.apply(stream.get(1));
        otherInstance.apply(ahead);
        projection.apply(stream.get(3));

        assertThat(repository.historyOf(ID)).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
        AuditTrailPage page = repository.page(new ListAuditEvents(ID, null, null, null, null, null, null, 10));
        assertThat(page.items()).extracting(AuditTrailItem::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(database.collection(AuditEventProjection.COLLECTION, Document.class)
                .find(Filters.eq("_id", stream.get(3).eventId())).first().getDate("trailTime"))
                .isEqualTo(Date.from(ahead.time()));
    }

    /** What was applied to one generation says nothing of another: a rebuild's generation checks for the gap itself. */
    @Test
    void anotherGenerationDoesNotTrustWhatWasAppliedToThisOne() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        projection.apply(stream.get(0));

        assertThatThrownBy(() -> database.generations().pinned(1, () -> projection.apply(stream.get(1))))
                .isInstanceOf(ProjectionGapException.class);
    }

    private static IncomingEvent withTime(IncomingEvent event, Instant time) {
        return new IncomingEvent(event.eventId(), event.type(), event.aggregateId(), event.aggregateType(),
                event.sequence(), time, event.principal(), event.issuer(), event.teams(), event.roles(),
                event.correlationId(), event.causationId(), event.hash(), event.previousHash(), event.payload());
    }
}
