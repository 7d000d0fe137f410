package com.acme.governance.local;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History written by the code before {@code DataProductDeprecated} revision 2, put into the store through the driver
 * before the services start, as that code stored it: the aggregate loads and takes its next decision, the read model
 * shows it deprecated without a successor, and the audit trail, fed from Kafka, holds the old event as it was sealed,
 * its hash recomputing from the item alone and the chain going on from it (adr/0027).
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventEvolutionIT extends LocalStackSupport {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final DataProductId LEGACY = DataProductId.of("sales.legacy");
    private static final Instant START = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    private static final String DEPRECATION_V1 = "{\"id\":\"sales.legacy\",\"reason\":\"replaced by sales.orders-v2\"}";
    private static final List<String> SEALED = new ArrayList<>();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void storeAHistoryAsTheOldCodeStoredIt() throws Exception {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
        EventEntryConfiguration layout = EventEntryConfiguration.getDefault();
        List<Object> payloads = List.of(
                new DataProductRegistered(LEGACY, "Legacy", "Before revision 2", "sales", Classification.INTERNAL,
                        List.of(), List.of()),
                new DataProductPublished(LEGACY),
                new DataProductDeprecated(LEGACY, "replaced by sales.orders-v2"));
        List<Document> documents = new ArrayList<>();
        String previousHash = "";
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            boolean old = sequence == 2;
            Class<?> eventClass = payloads.get(sequence).getClass();
            String type = old ? EventCatalog.typeOf(eventClass, "1") : EventCatalog.typeOf(eventClass);
            JsonNode payload = old ? JSON.readTree(DEPRECATION_V1) : JSON.valueToTree(payloads.get(sequence));
            String eventId = UUID.randomUUID().toString();
            Instant time = START.plusSeconds(sequence);
            String hash = HashChain.hash(previousHash, new HashChain.Link(LEGACY.toString(), sequence, type, eventId,
                    time, payload, "alice", List.of("sales"), List.of(), "correlation-" + sequence, "command-" + sequence));
            MetaData metaData = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "alice", AuditMetadata.TEAMS,
                    List.of("sales"), AuditMetadata.ROLES, List.of(), AuditMetadata.CORRELATION_ID,
                    "correlation-" + sequence, AuditMetadata.CAUSATION_ID, "command-" + sequence,
                    AuditMetadata.PREVIOUS_HASH, previousHash, AuditMetadata.HASH, hash));
            Document document = new EventEntry(new GenericDomainEventMessage<>("DataProduct", LEGACY.toString(),
                    sequence, payloads.get(sequence), metaData, eventId, time), serializer).asDocument(layout);
            if (old) { // as the revision 1 record was written
                document.put(layout.payloadProperty(), DEPRECATION_V1);
                document.put(layout.payloadRevisionProperty(), "1");
            }
            documents.add(document);
            SEALED.add(hash);
            previousHash = hash;
        }
        try (MongoClient client = MongoClients.create(mongo().connectionString())) {
            client.getDatabase("governance_events").getCollection("domainevents").insertMany(documents);
        }
    }

    @Test
    void anOldDeprecationLoadsIsReadAndVerifiesAndItsChainGoesOn() {
        Api api = new Api(port);

        Api.Response product = api.as("alice").get("/api/v1/data-products/sales.legacy", Api.TOKEN, "sales.legacy:2");
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        assertThat(product.json().path("status").asText()).isEqualTo("DEPRECATED");
        assertThat(product.json().path("version").asLong()).isEqualTo(3);
        assertThat(product.json().path("deprecationReason").asText()).isEqualTo("replaced by sales.orders-v2");
        assertThat(product.json().path("replacedBy").isNull()).isTrue();

        List<JsonNode> relayed = trail(api, "sales.legacy:2");
        assertThat(relayed).extracting(item -> item.path("type").asText()).containsExactly(
                "governance.dataproduct.registered.v2", "governance.dataproduct.published.v1",
                "governance.dataproduct.deprecated.v1");
        assertThat(relayed.get(2).path("revision").asText()).isEqualTo("1");
        assertThat(relayed.get(2).path("payload")).as("published as stored").isEqualTo(json(DEPRECATION_V1));
        assertThat(relayed).extracting(item -> item.path("hash").asText()).containsExactlyElementsOf(SEALED);
        assertThat(relayed).allSatisfy(item ->
                assertThat(item.path("hash").asText()).isEqualTo(AuditTrailItems.recomputedHash(item)));

        // a PUBLISHED product could not be retired: the aggregate loaded the old event as a deprecation
        Api.Response retired = api.as("alice").post("/api/v1/data-products/sales.legacy/retire",
                "{\"reason\": \"no consumers left\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.header(Api.TOKEN)).contains("sales.legacy:3");
        JsonNode retirement = trail(api, "sales.legacy:3").get(3);
        assertThat(retirement.path("previousHash").asText()).isEqualTo(SEALED.get(2));
        assertThat(retirement.path("hash").asText()).isEqualTo(AuditTrailItems.recomputedHash(retirement));

        Api.Response asDeprecated = api.as("dave").get("/api/v1/data-products/sales.legacy?asOf=" + START.plusSeconds(2));
        assertThat(asDeprecated.json().path("status").asText()).isEqualTo("DEPRECATED");

        // the store itself verifies as stored: the revision-1 event is hashed as it was sealed, never upcast
        Api.Response verified = api.as("dave").get("/api/v1/audit/verify?aggregateId=sales.legacy&digest=none");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.json().path("eventsChecked").asLong()).isEqualTo(4);
        assertThat(verified.json().path("copiesChecked").asLong()).isEqualTo(4);
    }

    @Test
    void aDeprecationDecidedTodayIsRevision2AndNamesItsSuccessor() {
        Api api = new Api(port);
        assertThat(api.as("alice").post("/api/v1/data-products", """
                {"domain": "sales", "name": "clicks", "title": "Clicks", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}""").status()).isEqualTo(201);
        assertThat(api.as("alice").post("/api/v1/data-products/sales.clicks/publish", "").status()).isEqualTo(200);

        Api.Response deprecated = api.as("alice").post("/api/v1/data-products/sales.clicks/deprecate",
                "{\"reason\": \"moved\", \"replacedBy\": \"sales.clicks-v2\"}");
        assertThat(deprecated.status()).as(deprecated.toString()).isEqualTo(200);

        assertThat(api.as("alice").getAfter(deprecated, "/api/v1/data-products/sales.clicks").json()
                .path("replacedBy").asText()).isEqualTo("sales.clicks-v2");
        Api.Response page = api.as("dave").getAfter(deprecated, "/api/v1/audit/events?aggregateId=sales.clicks");
        JsonNode deprecation = page.json().path("items").get(2);
        assertThat(deprecation.path("type").asText()).isEqualTo("governance.dataproduct.deprecated.v2");
        assertThat(deprecation.path("payload").path("replacedBy").asText()).isEqualTo("sales.clicks-v2");
        assertThat(deprecation.path("hash").asText()).isEqualTo(AuditTrailItems.recomputedHash(deprecation));
    }

    private static List<JsonNode> trail(Api api, String token) {
        Api.Response page = api.as("dave").get("/api/v1/audit/events?aggregateId=sales.legacy", Api.TOKEN, token);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.json().path("items").spliterator(), false).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
