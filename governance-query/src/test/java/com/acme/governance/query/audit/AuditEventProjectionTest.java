package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.TestJson;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventProjectionTest {

    private static final String ID = "sales.orders";

    private static InMemoryMongo mongo;
    private ReadModelDatabase database;
    private AuditEventProjection projection;
    private AuditEventRepository repository;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshEventLog() {
        database = mongo.freshDatabase();
        projection = new AuditEventProjection(database);
        repository = new AuditEventRepository(database, TestJson.MAPPER);
    }

    @Test
    void keepsEveryEnvelopeFieldAndThePayload() {
        IncomingEvent deprecated = DataProductStream.fullLifecycle(ID).get(4);

        projection.apply(deprecated);

        Document stored = database.auditEvents().find(Filters.eq("_id", deprecated.eventId())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("type")).isEqualTo("governance.dataproduct.deprecated.v1");
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

    @Test
    void theSameEventTwiceIsStoredOnceAndUnchanged() {
        IncomingEvent registered = DataProductStream.of(ID).registered().last();
        projection.apply(registered);
        List<Document> once = everything();

        projection.apply(registered);

        assertThat(everything()).hasSize(1).isEqualTo(once);
    }

    @Test
    void replayingTheStreamChangesNothing() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        stream.forEach(projection::apply);
        List<Document> populated = everything();

        stream.forEach(projection::apply);

        assertThat(everything()).hasSize(stream.size()).isEqualTo(populated);
    }

    @Test
    void historyIsOldestFirstWhateverTheArrivalOrderAndKeepsEachPayload() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        List<IncomingEvent> reversed = new ArrayList<>(stream);
        Collections.reverse(reversed);
        reversed.forEach(projection::apply);
        DataProductStream.fullLifecycle("marketing.campaigns").forEach(projection::apply);

        List<HistoryEntry> history = repository.historyOf(ID);

        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(history).extracting(HistoryEntry::eventId)
                .containsExactlyElementsOf(stream.stream().map(IncomingEvent::eventId).toList());
        HistoryEntry contract = history.get(2);
        assertThat(contract.type()).isEqualTo("governance.dataproduct.contract-version-published.v1");
        assertThat(contract.payload()).isEqualTo(stream.get(2).payload());
        assertThat(contract.time()).isEqualTo(stream.get(2).time());
        assertThat(contract.previousHash()).isEqualTo(stream.get(1).hash());
        assertThat(history.get(0).previousHash()).isEmpty();
    }

    @Test
    void anUnknownEventTypeIsKeptInTheLogToo() {
        IncomingEvent unknown = DataProductStream.of(ID).registered().unknown("governance.dataproduct.renamed.v1").last();

        projection.apply(unknown);

        assertThat(repository.historyOf(ID)).extracting(HistoryEntry::type)
                .containsExactly("governance.dataproduct.renamed.v1");
    }

    private List<Document> everything() {
        return database.auditEvents().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
