package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The digests as the query side and auditors read them back: in their document, or in GridFS when too large. */
class DigestArchiveTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("governance_events");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDigestThatFitsKeepsItsJsonInItsDocument() {
        AuditDigest digest = signed(3);
        String json = digest.toJson().toString();

        new DigestArchive(database).store("d-1", digest, json);

        Document stored = database.getCollection(DigestArchive.COLLECTION).find().first();
        assertThat(stored.getString("json")).isEqualTo(json);
        assertThat(stored.get("jsonFile")).isNull();
        assertThat(stored.getString("rootHash")).isEqualTo(digest.rootHash());
    }

    @Test
    void aDigestTooLargeForOneDocumentKeepsItsJsonInGridFsUnderItsId() {
        AuditDigest digest = signed(2_000);
        String json = digest.toJson().toString();
        DigestArchive archive = new DigestArchive(database, 64 * 1024);

        archive.store("d-large", digest, json);

        Document stored = database.getCollection(DigestArchive.COLLECTION).find().first();
        assertThat(stored.get("json")).isNull();
        assertThat(stored.getString("jsonFile")).isEqualTo("d-large");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        GridFSBuckets.create(database, DigestArchive.JSON_BUCKET).downloadToStream(new BsonString("d-large"), file);
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(json.length()).as("more than one GridFS chunk").isGreaterThan(255 * 1024);
        assertThat(archive.latestIssuedAt()).contains(digest.issuedAt());
    }

    private static AuditDigest signed(int aggregates) {
        Map<String, AuditDigest.Head> heads = new TreeMap<>();
        for (int i = 0; i < aggregates; i++) {
            heads.put("8d3c2f7e-1b4a-4c6d-9e0f-" + String.format("%012d", i),
                    new AuditDigest.Head(i, "%064x".formatted(i)));
        }
        return DigestSignature.sign(AuditDigest.unsigned(Instant.parse("2026-12-02T10:00:00Z"), aggregates, heads),
                PemKeys.generate());
    }
}
