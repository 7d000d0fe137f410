package com.acme.governance.query.ingestion;

import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.PolicyStream;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The apply-once rule with a count field of the read model's choosing (data products use the default). */
class SequencedDocumentsTest {

    private static final String ID = "confidential-data";

    private static InMemoryMongo mongo;
    private MongoCollection<Document> collection;
    private SequencedDocuments<Document> documents;
    private final List<IncomingEvent> events = PolicyStream.fullLifecycle(ID);

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshCollection() {
        collection = mongo.freshDatabase().collection("policies", Document.class);
        documents = new SequencedDocuments<>(collection, "eventCount");
    }

    @Test
    void theFirstEventMakesTheDocumentOnceAndOnlyAtSequenceZero() {
        documents.create(events.get(0), first());
        documents.create(events.get(0), new Document(first()).append("version", 99));

        assertThat(collection.find().into(new ArrayList<>())).containsExactly(first());
        assertThatThrownBy(() -> documents.create(events.get(1), first())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsInTheGivenFieldAndLeavesAVersionFieldAlone() {
        documents.create(events.get(0), first());
        documents.change(events.get(1), Updates.set("version", 2));
        documents.change(events.get(2), Updates.set("status", "RETIRED"));

        Document document = collection.find(Filters.eq("_id", ID)).first();
        assertThat(document.get("eventCount", Number.class).longValue()).isEqualTo(3);
        assertThat(document.get("version", Number.class).intValue()).isEqualTo(2);
        assertThat(document.getString("status")).isEqualTo("RETIRED");
    }

    @Test
    void aRedeliveryIsANoOpAndAGapThrowsByTheGivenField() {
        documents.create(events.get(0), first());
        documents.change(events.get(1), Updates.set("version", 2));

        documents.change(events.get(1), Updates.set("version", 99));
        assertThat(collection.find(Filters.eq("_id", ID)).first().get("version", Number.class).intValue()).isEqualTo(2);

        IncomingEvent beyond = PolicyStream.of(ID).defined().amended("a").amended("b").amended("c").last();
        assertThatThrownBy(() -> documents.change(beyond, Updates.set("version", 4)))
                .isInstanceOf(ProjectionGapException.class)
                .hasMessageContaining("holds 2 events");
    }

    private Document first() {
        return new Document("_id", ID).append("eventCount", 1L).append("version", 1);
    }
}
