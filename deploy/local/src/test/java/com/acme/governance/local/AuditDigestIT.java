package com.acme.governance.local;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed digests on the packaged local stack, as an auditor meets them: the launcher creates its signing key on the
 * first start; an auditor's {@code POST /api/v1/audit/digests} answers a digest that verifies with the public key the
 * stack wrote, whose heads are the event store's own, and whose event reaches Kafka and the audit trail; a restart
 * keeps the key; and the system issues digests by itself on its interval.
 */
class AuditDigestIT {

    private static final String LEDGER = "audit-ledger";
    private static final String ISSUED_TYPE = "governance.audit.digest-issued.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void digestsAreSignedWithTheStacksOwnKeyStateTheStoreAndKeepComingAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        LauncherProcess.Ports ports = LauncherProcess.Ports.free();
        String keyId;
        LauncherProcess first = LauncherProcess.start(data, ports).awaitHealthy();
        try {
            Api api = new Api(ports.http());
            Api.Response registered = api.as("alice").post("/api/v1/data-products", """
                    {"domain": "sales", "name": "digested", "title": "Digested", "ownerTeam": "sales",
                     "classification": "INTERNAL", "tags": [], "outputPorts": []}""");
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            assertThat(api.as("alice").post("/api/v1/data-products/sales.digested/publish", "").status()).isEqualTo(200);
            PublicKey publicKey = localPublicKey(data);

            Api.Response issued = api.as("dave").post("/api/v1/audit/digests", "");

            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            assertThat(issued.header("Location")).contains("/api/v1/audit/digest");
            assertThat(issued.header(Api.TOKEN)).contains(LEDGER + ":0");
            AuditDigest digest = DigestSignature.verified(issued.json(), publicKey);
            Map<String, AuditDigest.Head> storeHeads = storedHeads(ports.mongo());
            assertThat(storeHeads.remove(LEDGER).sequence()).as("the ledger's event that recorded this digest")
                    .isZero();
            assertThat(digest.heads()).isEqualTo(storeHeads).containsKey("sales.digested");
            keyId = digest.keyId();

            try (GovernanceTopicReader topic = new GovernanceTopicReader("localhost:" + ports.kafka())) {
                ConsumerRecord<String, byte[]> record = GovernanceTopicReader.ofKey(
                        topic.readUntilEveryKeyOf(List.of(LEDGER)), LEDGER).get(0);
                assertThat(GovernanceTopicReader.header(record, "ce_type")).isEqualTo(ISSUED_TYPE);
                assertThat(GovernanceTopicReader.header(record, "ce_principal")).isEqualTo("dave");
                assertIssuedEventStates(JSON.readTree(record.value()), digest);
            }

            Api.Response trail = api.as("dave").getAfter(issued, "/api/v1/audit/events?aggregateType=AuditLedger");
            assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
            List<JsonNode> items = items(trail);
            assertThat(items).hasSize(1);
            assertThat(items.get(0).path("type").asText()).isEqualTo(ISSUED_TYPE);
            assertThat(items.get(0).path("principal").asText()).isEqualTo("dave");
            assertIssuedEventStates(items.get(0).path("payload"), digest);

            Api.Response refused = api.as("alice").post("/api/v1/audit/digests", "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(storedDigests(ports.mongo())).as("nothing written for a refused request").isEqualTo(1);
        } finally {
            stop(first);
        }

        LauncherProcess second = LauncherProcess.start(data, ports, "--governance.audit.digest-interval=3s")
                .awaitHealthy();
        try {
            PublicKey publicKey = localPublicKey(data);
            assertThat(DigestSignature.keyId(publicKey)).as("the key survives the restart").isEqualTo(keyId);
            Api.Caller dave = new Api(ports.http()).as("dave");

            JsonNode scheduled = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> items(dave.get("/api/v1/audit/events?aggregateType=AuditLedger")).stream()
                            .filter(item -> item.path("principal").asText().equals("system")).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();

            assertThat(scheduled.path("teams").isEmpty() && scheduled.path("roles").isEmpty()).isTrue();
            String json = storedDigestJson(ports.mongo(), scheduled.path("payload").path("digestId").asText());
            AuditDigest periodic = DigestSignature.verified(JSON.readTree(json), publicKey);
            assertThat(periodic.keyId()).isEqualTo(keyId);
            assertThat(periodic.heads().get(LEDGER).sequence()).as("it covers the auditor's digest")
                    .isGreaterThanOrEqualTo(0);
            assertIssuedEventStates(scheduled.path("payload"), periodic);
        } finally {
            stop(second);
        }
    }

    private static void assertIssuedEventStates(JsonNode event, AuditDigest digest) {
        assertThat(event.path("issuedAt").asText()).isEqualTo(digest.issuedAt().toString());
        assertThat(event.path("eventCount").asLong()).isEqualTo(digest.eventCount());
        assertThat(event.path("aggregateCount").asLong()).isEqualTo(digest.heads().size());
        assertThat(event.path("rootHash").asText()).isEqualTo(digest.rootHash());
        assertThat(event.path("keyId").asText()).isEqualTo(digest.keyId());
        assertThat(event.path("signature").asText()).isEqualTo(digest.signature());
    }

    private static PublicKey localPublicKey(Path data) throws IOException {
        return PemKeys.publicKey(Files.readString(data.resolve("keys").resolve("audit-public-key.pem")));
    }

    /** Every aggregate's last event in the event store, read with the driver: its sequence and its hash. */
    private static Map<String, AuditDigest.Head> storedHeads(int mongoPort) {
        Map<String, AuditDigest.Head> heads = new TreeMap<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            client.getDatabase("governance_events").getCollection("domainevents").find()
                    .sort(Sorts.ascending("aggregateIdentifier", "sequenceNumber"))
                    .forEach(event -> heads.put(event.getString("aggregateIdentifier"), new AuditDigest.Head(
                            event.get("sequenceNumber", Number.class).longValue(), hashIn(event.get("serializedMetaData")))));
        }
        return heads;
    }

    private static String hashIn(Object metaData) {
        if (metaData instanceof Document document) {
            return document.getString("hash");
        }
        try {
            return JSON.readTree(metaData.toString()).path("hash").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long storedDigests(int mongoPort) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            return digests(client).countDocuments();
        }
    }

    private static String storedDigestJson(int mongoPort, String digestId) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            Document stored = digests(client).find(Filters.eq("_id", digestId)).first();
            assertThat(stored).as("digest document " + digestId).isNotNull();
            return stored.getString("json");
        }
    }

    private static MongoCollection<Document> digests(MongoClient client) {
        return client.getDatabase("governance_events").getCollection("audit_digests");
    }

    private static List<JsonNode> items(Api.Response page) {
        return StreamSupport.stream(page.json().path("items").spliterator(), false).toList();
    }

    private static void stop(LauncherProcess launcher) throws InterruptedException {
        if (!launcher.stop()) {
            launcher.kill();
        }
    }
}
