package com.acme.governance.local;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.PemKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /audit/verify} over a real event store written by the real command side, tampered afterwards through the
 * MongoDB driver as someone with write access could, and the offline verifier over an export tampered the same way:
 * both name the same aggregate, sequence and reason; verified first against a digest the service issued itself, then
 * against one the test signs over the export with the same key. Each product has four events: registered,
 * published, deprecated, retired (sequences 0 to 3).
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditVerifyIT extends LocalStackSupport {

    private static final KeyPair KEYS = PemKeys.generate();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "superseded by the next generation";
    private static final String CHANGED_PAYLOAD = "changed-payload";
    private static final String SWAPPED = "swapped";
    private static final String GAP = "gap";
    private static final String COPY_CHANGED = "copy-changed";
    private static final String TAIL_DELETED = "tail-deleted";
    private static final String AGGREGATE_DELETED = "aggregate-deleted";
    private static final List<String> PRODUCTS = List.of(CHANGED_PAYLOAD, SWAPPED, GAP, COPY_CHANGED, TAIL_DELETED,
            AGGREGATE_DELETED);
    private static final int EVENTS_EACH = 4;
    /** Registered, then a contract whose schema holds what JSON text may write in more than one way. */
    private static final String WITH_CONTRACT = "with-contract";
    private static final String CONTRACT = """
            {"version": "1.0.0", "schemaType": "JSON_SCHEMA",
             "schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                        "properties": {"weight.kg": {"type": "number", "minimum": 0.50, "maximum": 1e3,
                                                     "multipleOf": 0.10},
                                       "count": {"type": "integer", "maximum": 12345678901234567890},
                                       "label": {"type": "string", "description": "Grüße, 📦 \\"quoted\\" \\u00e9"}}}}
            """;
    private static final int ALL_EVENTS = PRODUCTS.size() * EVENTS_EACH + 2;
    /** The digest the service issues records one event of the audit ledger, an aggregate of its own. */
    private static final int LEDGER_EVENTS = 1;

    @LocalServerPort
    private int port;

    @TempDir
    Path directory;

    @DynamicPropertySource
    static void verificationKey(DynamicPropertyRegistry registry) {
        // read when the context is built, once the stack's directory exists; the command side signs with the same pair
        registry.add("governance.audit.public-key", () -> write(dataDir().resolve("audit-public-key.pem"),
                PemKeys.pem(KEYS.getPublic())));
        registry.add("governance.audit.signing-key", () -> write(dataDir().resolve("audit-signing-key.pem"),
                PemKeys.pem(KEYS.getPrivate()) + PemKeys.pem(KEYS.getPublic())));
        registry.add("governance.audit.digest-interval", () -> "0");
    }

    @Test
    void verifyNamesEachTamperingOfTheStoreAsTheOfflineVerifierNamesItInTheExport() throws Exception {
        Api api = new Api(port);
        PRODUCTS.forEach(product -> takeThroughItsLifecycle(api, product));
        publishAContract(api);
        Api.Caller dave = api.as("dave");

        JsonNode untouched = verify(dave, "");
        assertThat(untouched.path("valid").asBoolean()).as(untouched.toString()).isTrue();
        assertThat(untouched.path("eventsChecked").asLong()).isEqualTo(ALL_EVENTS);
        assertThat(untouched.path("aggregatesChecked").asLong()).isEqualTo(PRODUCTS.size() + 1);
        assertThat(untouched.path("copiesChecked").asLong()).isEqualTo(ALL_EVENTS);
        assertThat(untouched.path("copiesBehind").asLong()).isZero();
        assertThat(untouched.path("firstBroken").isNull()).isTrue();
        assertThat(untouched.path("digest").isNull()).isTrue();
        assertThat(dave.get("/api/v1/audit/digest").status()).isEqualTo(404);

        Api.Response issued = dave.post("/api/v1/audit/digests", "");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode againstTheServices = verify(dave, "");
        assertThat(againstTheServices.path("valid").asBoolean()).as(againstTheServices.toString()).isTrue();
        assertThat(againstTheServices.path("digest").path("status").asText()).isEqualTo("verified");
        assertThat(Instant.parse(againstTheServices.path("digest").path("issuedAt").asText()))
                .isEqualTo(Instant.parse(issued.json().path("issuedAt").asText()));
        assertThat(dave.getAfter(issued, "/api/v1/audit/events?aggregateType=AuditLedger").status()).isEqualTo(200);

        List<String> export = export(dave);
        assertThat(export).hasSize(ALL_EVENTS + LEDGER_EVENTS);
        AuditDigest digest = DigestSignature.sign(AuditDigest.unsigned(Instant.now(), export.size(), headsOf(export)),
                KEYS);
        String digestJson = digest.toJson().toString();
        String publicKey = PemKeys.pem(KEYS.getPublic());

        try (StoreTampering tampering = new StoreTampering(mongo().connectionString())) {
            tampering.recordDigest("digest-1", digest, digestJson);
            assertThat(dave.get("/api/v1/audit/digest").text()).isEqualTo(digestJson);
            Api.Response key = api.as("erin").get("/api/v1/audit/public-key", "Accept", "application/x-pem-file");
            assertThat(key.text()).isEqualTo(publicKey);
            JsonNode againstDigest = verify(dave, "");
            assertThat(againstDigest.path("valid").asBoolean()).as(againstDigest.toString()).isTrue();
            assertThat(againstDigest.path("digest").path("id").asText()).isEqualTo("digest-1");
            assertThat(againstDigest.path("digest").path("status").asText()).isEqualTo("verified");

            tampering.changeStoredPayload(id(CHANGED_PAYLOAD), 2, json -> json.replace(REASON, "nothing to see"));
            tampering.swapStored(id(SWAPPED), 1, 2);
            tampering.deleteStored(id(GAP), 1);
            tampering.changeCopiedPayload(id(COPY_CHANGED), 2, json -> json.replace(REASON, "nothing to see"));
            tampering.deleteStored(id(TAIL_DELETED), 3);
            tampering.deleteStoredAggregate(id(AGGREGATE_DELETED));

            assertBoth(dave, CHANGED_PAYLOAD, 2, "hash-mismatch", digestJson, publicKey,
                    tamper(export, CHANGED_PAYLOAD, 2, item -> {
                        ((ObjectNode) item.path("payload")).put("reason", "nothing to see");
                        return item;
                    }));
            assertBoth(dave, SWAPPED, 1, "link-broken", digestJson, publicKey, swapped(export, SWAPPED, 1, 2));
            assertBoth(dave, GAP, 1, "sequence-gap", digestJson, publicKey, tamper(export, GAP, 1, item -> null));
            assertBoth(dave, TAIL_DELETED, 3, "head-mismatch", digestJson, publicKey,
                    tamper(export, TAIL_DELETED, 3, item -> null));
            List<String> withoutAggregate = export.stream()
                    .filter(line -> !parse(line).path("aggregateId").asText().equals(id(AGGREGATE_DELETED))).toList();
            assertBoth(dave, AGGREGATE_DELETED, 0, "head-mismatch", digestJson, publicKey, withoutAggregate);
            assertThat(verify(dave, "?aggregateId=" + id(COPY_CHANGED)).path("firstBroken"))
                    .isEqualTo(broken(COPY_CHANGED, 2, "copy-differs"));
            // without the digest the store alone cannot tell that its last event went, but its published copy can
            assertThat(verify(dave, "?digest=none&aggregateId=" + id(TAIL_DELETED)).path("firstBroken"))
                    .isEqualTo(broken(TAIL_DELETED, 3, "copy-differs"));

            JsonNode whole = verify(dave, "");
            assertThat(whole.path("valid").asBoolean()).isFalse();
            assertThat(whole.path("firstBroken")).isEqualTo(broken(CHANGED_PAYLOAD, 2, "hash-mismatch"));
            // less the event deleted in the middle, the last one deleted, and the aggregate deleted
            assertThat(whole.path("eventsChecked").asLong()).isEqualTo(ALL_EVENTS + LEDGER_EVENTS - 2 - EVENTS_EACH);
            // the products, the one with a contract and the ledger, less the deleted one
            assertThat(whole.path("aggregatesChecked").asLong()).isEqualTo(PRODUCTS.size() + 1);

            ObjectNode forged = (ObjectNode) parse(digestJson);
            forged.put("eventCount", export.size() - 5);
            tampering.recordDigest("digest-2", DigestSignature.sign(
                    AuditDigest.unsigned(Instant.now(), 0, Map.of()), KEYS), forged.toString());
            JsonNode againstForged = verify(dave, "?aggregateId=" + id(SWAPPED));
            assertThat(againstForged.path("valid").asBoolean()).isFalse();
            assertThat(againstForged.path("digest").path("id").asText()).isEqualTo("digest-2");
            assertThat(againstForged.path("digest").path("status").asText()).isEqualTo("invalid");
            assertThat(verify(dave, "?digest=none&aggregateId=" + id(SWAPPED)).path("digest").isNull()).isTrue();
        }
        assertThat(api.as("erin").get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(api.as("erin").get("/api/v1/audit/digest").status()).isEqualTo(403);
        assertThat(dave.get("/api/v1/audit/verify?digest=all").status()).isEqualTo(400);
        assertThat(dave.get("/api/v1/audit/verify?size=10").status()).isEqualTo(400);
    }

    private static String write(Path file, String pem) {
        try {
            return Files.writeString(file, pem).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertBoth(Api.Caller auditor, String product, long sequence, String reason, String digestJson,
                            String publicKey, List<String> tamperedExport) throws Exception {
        JsonNode expected = broken(product, sequence, reason);
        JsonNode online = verify(auditor, "?aggregateId=" + id(product));
        assertThat(online.path("valid").asBoolean()).as(online.toString()).isFalse();
        assertThat(online.path("firstBroken")).as(online.toString()).isEqualTo(expected);
        OfflineVerifierRun offline = OfflineVerifierRun.of(directory, tamperedExport, digestJson, publicKey);
        assertThat(offline.exitCode()).as(offline.toString()).isEqualTo(1);
        assertThat(offline.firstBroken()).as(offline.toString()).isEqualTo(expected);
    }

    private static void takeThroughItsLifecycle(Api api, String product) {
        Api.Caller erin = api.as("erin");
        String path = "/api/v1/data-products/" + id(product);
        assertThat(erin.post("/api/v1/data-products", registration(product)).status()).isEqualTo(201);
        assertThat(erin.post(path + "/publish", "").status()).isEqualTo(200);
        assertThat(erin.post(path + "/deprecate", "{\"reason\": \"" + REASON + "\"}").status()).isEqualTo(200);
        Api.Response retired = erin.post(path + "/retire", "{\"reason\": \"no consumers left\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        // the token makes the read wait until the audit trail holds the copy of the last event
        assertThat(api.as("dave").getAfter(retired, "/api/v1/audit/events?aggregateId=" + id(product)).status())
                .isEqualTo(200);
    }

    private static void publishAContract(Api api) {
        Api.Caller erin = api.as("erin");
        assertThat(erin.post("/api/v1/data-products", registration(WITH_CONTRACT)).status()).isEqualTo(201);
        Api.Response contract = erin.post("/api/v1/data-products/" + id(WITH_CONTRACT) + "/contracts", CONTRACT);
        assertThat(contract.status()).as(contract.toString()).isEqualTo(201);
        assertThat(api.as("dave").getAfter(contract, "/api/v1/audit/events?aggregateId=" + id(WITH_CONTRACT))
                .status()).isEqualTo(200);
    }

    private static String registration(String product) {
        return """
                {"domain": "logistics", "name": "%s", "title": "Verified", "description": "Tampered with later",
                 "ownerTeam": "logistics", "classification": "INTERNAL", "tags": [],
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "logistics.verified.v1"}]}
                """.formatted(product);
    }

    private static JsonNode verify(Api.Caller auditor, String query) {
        Api.Response report = auditor.get("/api/v1/audit/verify" + query);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    private static List<String> export(Api.Caller auditor) {
        Api.Response export = auditor.get("/api/v1/audit/events", "Accept", "application/x-ndjson");
        assertThat(export.status()).isEqualTo(200);
        return export.text().lines().toList();
    }

    private static Map<String, AuditDigest.Head> headsOf(List<String> export) {
        Map<String, AuditDigest.Head> heads = new TreeMap<>();
        export.stream().map(AuditVerifyIT::parse).forEach(item -> heads.merge(item.path("aggregateId").asText(),
                new AuditDigest.Head(item.path("sequence").asLong(), item.path("hash").asText()),
                (one, other) -> one.sequence() > other.sequence() ? one : other));
        return heads;
    }

    /** The export with one item changed, or left out where {@code change} answers null. */
    private static List<String> tamper(List<String> export, String product, long sequence,
                                       UnaryOperator<JsonNode> change) {
        List<String> tampered = new ArrayList<>();
        for (String line : export) {
            JsonNode item = parse(line);
            boolean target = item.path("aggregateId").asText().equals(id(product))
                    && item.path("sequence").asLong() == sequence;
            JsonNode kept = target ? change.apply(item) : item;
            if (kept != null) {
                tampered.add(kept.toString());
            }
        }
        return tampered;
    }

    /** The export with two items of one aggregate in each other's place, each numbered as the other was. */
    private static List<String> swapped(List<String> export, String product, long first, long second) {
        List<String> lines = new ArrayList<>(export);
        int firstAt = indexOf(lines, product, first);
        int secondAt = indexOf(lines, product, second);
        ObjectNode firstItem = (ObjectNode) parse(lines.get(firstAt));
        ObjectNode secondItem = (ObjectNode) parse(lines.get(secondAt));
        lines.set(firstAt, secondItem.put("sequence", first).toString());
        lines.set(secondAt, firstItem.put("sequence", second).toString());
        return Collections.unmodifiableList(lines);
    }

    private static int indexOf(List<String> lines, String product, long sequence) {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode item = parse(lines.get(i));
            if (item.path("aggregateId").asText().equals(id(product)) && item.path("sequence").asLong() == sequence) {
                return i;
            }
        }
        throw new AssertionError("no event " + sequence + " of " + product + " in the export");
    }

    private static JsonNode broken(String product, long sequence, String reason) {
        // parsed, as the answers are, so that numbers compare as the same kind of node
        return parse(JSON.createObjectNode().put("aggregateId", id(product)).put("sequenceNumber", sequence)
                .put("reason", reason).toString());
    }

    private static String id(String product) {
        return "logistics." + product;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}
