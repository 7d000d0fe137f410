package com.acme.governance.query.audit.verify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.BrokenLink;
import com.acme.governance.api.audit.BrokenLink.Reason;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.audit.SealedEvent;
import com.acme.governance.query.audit.AuditEventDocument;
import com.acme.governance.query.audit.AuditEventProjection;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.TestJson;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.acme.governance.query.audit.verify.StoredHistory.chain;
import static com.acme.governance.query.audit.verify.StoredHistory.copied;
import static com.acme.governance.query.audit.verify.StoredHistory.stored;
import static org.assertj.core.api.Assertions.assertThat;

/** The verification over an event store in Axon's layout and an audit trail, both in an embedded MongoDB. */
class StoreVerifierTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();
    private static final AtomicInteger STORES = new AtomicInteger();
    private static final KeyPair KEYS = PemKeys.generate();
    private static final Path KEY_FILE = StoredHistory.publicKeyFile(KEYS);

    private MongoDatabase store;
    private ReadModelDatabase readModels;
    private MongoCollection<Document> storedEvents;
    private MongoCollection<Document> storedDigests;
    private MongoCollection<AuditEventDocument> copies;
    private StoreVerifier verifier;

    @BeforeEach
    void emptyStoreAndTrail() {
        store = MONGO.client().getDatabase("events_" + STORES.incrementAndGet())
                .withCodecRegistry(MongoClientSettings.getDefaultCodecRegistry());
        storedEvents = store.getCollection(EventStore.EVENTS);
        storedDigests = store.getCollection(EventStore.DIGESTS);
        readModels = MONGO.freshDatabase();
        copies = readModels.collection(AuditEventProjection.COLLECTION, AuditEventDocument.class);
        verifier = verifierLogging(Duration.ofSeconds(5));
    }

    private StoreVerifier verifierLogging(Duration progressInterval) {
        return new StoreVerifier(new EventStore(store, null), new AuditCopies(readModels),
                new VerificationKey(new AuditKeyProperties(KEY_FILE.toString())), TestJson.MAPPER,
                new EventStoreProperties("", store.getName(), 2, progressInterval, 1));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void anUntouchedStoreVerifiesFromItsDocumentsAloneAndItsCopiesAgree() {
        List<SealedEvent> orders = chain("sales.orders", 3);
        List<SealedEvent> parcels = chain("logistics.parcels", 2);
        storeAndCopy(orders);
        storeAndCopy(parcels);

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report).isEqualTo(new StoreVerificationReport(true, 5, 2, null, 5, 0, null));
    }

    @Test
    void copiesThatHaveNotArrivedAreCountedAsBehindNotAsAFault() {
        List<SealedEvent> orders = chain("sales.orders", 4);
        orders.forEach(event -> storedEvents.insertOne(stored(event)));
        copies.insertOne(copied(orders.get(0)));
        copies.insertOne(copied(orders.get(1)));

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.valid()).isTrue();
        assertThat(report.copiesChecked()).isEqualTo(2);
        assertThat(report.copiesBehind()).isEqualTo(2);
    }

    @Test
    void aCopyOfAnEventTheStoreNoLongerHoldsDiffersAtThatEvent() {
        List<SealedEvent> orders = chain("sales.orders", 3);
        storeAndCopy(orders);
        storedEvents.deleteOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 2L));

        StoreVerificationReport report = verifier.verify("sales.orders", false);

        assertThat(report.firstBroken()).isEqualTo(new BrokenLink("sales.orders", 2, Reason.COPY_DIFFERS));
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void aCopyThatDiffersInAFieldTheHashCoversDiffers() {
        List<SealedEvent> orders = chain("sales.orders", 2);
        orders.forEach(event -> storedEvents.insertOne(stored(event)));
        copies.insertOne(copied(orders.get(0)));
        AuditEventDocument second = copied(orders.get(1));
        copies.insertOne(new AuditEventDocument(second.eventId(), second.type(), second.aggregateId(),
                second.aggregateType(), second.sequence(), second.time(), "mallory", second.issuer(), second.teams(),
                second.roles(),
                second.correlationId(), second.causationId(), second.hash(), second.previousHash(), second.payload(),
                second.trailTime()));

        assertThat(verifier.verify(null, true).firstBroken())
                .isEqualTo(new BrokenLink("sales.orders", 1, Reason.COPY_DIFFERS));
    }

    @Test
    void aStoredFaultComesBeforeACopyFault() {
        storeAndCopy(chain("a.first", 2));
        List<SealedEvent> later = chain("b.later", 2);
        storeAndCopy(later);
        storedEvents.updateOne(new Document("aggregateIdentifier", "b.later").append("sequenceNumber", 1L),
                new Document("$set", new Document("serializedPayload", "{\"id\":\"b.later\",\"title\":\"Forged\"}")));
        copies.deleteMany(new Document("aggregateId", "a.first"));
        copies.insertOne(copied(chain("a.first", 3).get(2)));

        assertThat(verifier.verify(null, true).firstBroken())
                .isEqualTo(new BrokenLink("b.later", 1, Reason.HASH_MISMATCH));
    }

    @Test
    void eventsOfNoAggregateAreSkippedAsTheChainSkipsThem() {
        storeAndCopy(chain("sales.orders", 1));
        storedEvents.insertOne(new Document("aggregateIdentifier", "some-event-id").append("type", null)
                .append("sequenceNumber", 0L).append("eventIdentifier", "some-event-id")
                .append("serializedPayload", "{}").append("serializedMetaData", "{}"));

        assertThat(verifier.verify(null, true)).isEqualTo(new StoreVerificationReport(true, 1, 1, null, 1, 0, null));
    }

    @Test
    void anEventWhoseAggregateIdWasRemovedIsMissingFromItsAggregate() {
        storeAndCopy(chain("sales.orders", 3));
        storedEvents.updateOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 1L),
                new Document("$unset", new Document("aggregateIdentifier", "")));

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.firstBroken()).isEqualTo(new BrokenLink("sales.orders", 1, Reason.SEQUENCE_GAP));
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void theLatestDigestIsVerifiedAgainstAndNamed() {
        List<SealedEvent> orders = chain("sales.orders", 3);
        storeAndCopy(orders);
        AuditDigest digest = DigestSignature.sign(AuditDigest.unsigned(StoredHistory.START, 3,
                Map.of("sales.orders", new AuditDigest.Head(2, orders.get(2).hash()))), KEYS);
        recordDigest("older", Instant.parse("2026-01-01T00:00:00Z"), "{\"not\": \"a digest\"}");
        recordDigest("latest", digest.issuedAt(), digest.toJson().toString());
        storedEvents.deleteOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 2L));
        copies.deleteMany(new Document());

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.firstBroken()).isEqualTo(new BrokenLink("sales.orders", 2, Reason.HEAD_MISMATCH));
        assertThat(report.digest()).isEqualTo(new DigestUse("latest", digest.issuedAt(), DigestUse.Status.VERIFIED,
                null));
        assertThat(verifier.verify(null, false).valid()).isTrue();
    }

    @Test
    void aDigestKeptInGridFsIsReadFromItsFileAndVerifiedAgainst() {
        List<SealedEvent> orders = chain("sales.orders", 2);
        storeAndCopy(orders);
        AuditDigest digest = DigestSignature.sign(AuditDigest.unsigned(StoredHistory.START, 2,
                Map.of("sales.orders", new AuditDigest.Head(1, orders.get(1).hash()))), KEYS);
        GridFSBuckets.create(store, EventStore.DIGEST_JSON_BUCKET).uploadFromStream(new BsonString("large"),
                "large.json", new ByteArrayInputStream(digest.toJson().toString().getBytes(StandardCharsets.UTF_8)));
        storedDigests.insertOne(new Document("_id", "large").append("issuedAt", Date.from(digest.issuedAt()))
                .append("rootHash", digest.rootHash()).append("jsonFile", "large"));

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.valid()).isTrue();
        assertThat(report.digest()).isEqualTo(new DigestUse("large", digest.issuedAt(), DigestUse.Status.VERIFIED,
                null));
    }

    @Test
    void aDigestWhoseFileIsGoneIsAnInvalidDigest() {
        storeAndCopy(chain("sales.orders", 1));
        storedDigests.insertOne(new Document("_id", "large").append("issuedAt", new Date())
                .append("rootHash", "").append("jsonFile", "large"));

        assertThat(verifier.verify(null, true).digest().status()).isEqualTo(DigestUse.Status.INVALID);
    }

    @Test
    void aDigestWhoseSignatureFailsIsReportedAndTheChainsAreCheckedWithoutIt() {
        storeAndCopy(chain("sales.orders", 2));
        AuditDigest byAnotherKey = DigestSignature.sign(AuditDigest.unsigned(StoredHistory.START, 0, Map.of()),
                PemKeys.generate());
        recordDigest("forged", byAnotherKey.issuedAt(), byAnotherKey.toJson().toString());

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBroken()).isNull();
        assertThat(report.eventsChecked()).isEqualTo(2);
        assertThat(report.digest().id()).isEqualTo("forged");
        assertThat(report.digest().status()).isEqualTo(DigestUse.Status.INVALID);
        assertThat(report.digest().problem()).contains("keyId");
    }

    @Test
    void aStoredFieldAlteredToAnotherTypeIsReportedAtItsEventNotAsAnError() {
        List<SealedEvent> orders = chain("sales.orders", 3);
        storeAndCopy(orders);
        storedEvents.updateOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 1L),
                new Document("$set", new Document("timestamp", 42).append("eventIdentifier", new Document("x", 1))));

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.firstBroken()).isEqualTo(new BrokenLink("sales.orders", 1, Reason.HASH_MISMATCH));
        assertThat(report.eventsChecked()).isEqualTo(3);
    }

    @Test
    void aSequenceNumberAlteredIntoTextLeavesAGapAtItsPlace() {
        storeAndCopy(chain("sales.orders", 3));
        storedEvents.updateOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 1L),
                new Document("$set", new Document("sequenceNumber", "1")));

        StoreVerificationReport report = verifier.verify("sales.orders", false);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBroken().aggregateId()).isEqualTo("sales.orders");
    }

    @Test
    void aDigestRecordAlteredToAnotherTypeIsAnInvalidDigest() {
        storeAndCopy(chain("sales.orders", 1));
        storedDigests.insertOne(new Document("_id", "altered").append("issuedAt", "yesterday")
                .append("rootHash", 7).append("json", 12));

        StoreVerificationReport report = verifier.verify(null, true);

        assertThat(report.valid()).isFalse();
        assertThat(report.digest().id()).isEqualTo("altered");
        assertThat(report.digest().status()).isEqualTo(DigestUse.Status.INVALID);
    }

    @Test
    void aLongRunLogsHowFarItGotAndItsRate() {
        storeAndCopy(chain("sales.orders", 3));
        Logger progress = (Logger) LoggerFactory.getLogger(VerificationProgress.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        progress.addAppender(lines);
        progress.setLevel(Level.INFO);
        try {
            verifierLogging(Duration.ZERO).verify(null, true);
        } finally {
            progress.detachAppender(lines);
            progress.setLevel(null);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith("Verifying the event store: 1 events checked, ")
                        .containsPattern("\\d+ events/s"))
                .anySatisfy(line -> assertThat(line).startsWith("Verifying the event store: 3 events checked"))
                .last().asString().startsWith("Verified the event store: 3 events of 1 aggregates");
    }

    private void storeAndCopy(List<SealedEvent> events) {
        events.forEach(event -> {
            storedEvents.insertOne(stored(event));
            copies.insertOne(copied(event));
        });
    }

    private void recordDigest(String id, Instant issuedAt, String json) {
        storedDigests.insertOne(new Document("_id", id).append("issuedAt", Date.from(issuedAt))
                .append("rootHash", "").append("json", json));
    }
}
