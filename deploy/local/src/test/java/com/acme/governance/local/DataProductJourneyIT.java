package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A domain team's whole journey with one data product, through the public HTTP API of the combined application on a
 * real Kafka broker and the MongoDB-wire server, and what another system of the mesh sees on the topic.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataProductJourneyIT extends LocalStackSupport {

    private static final String ORDERS = """
            {"domain": "sales", "name": "orders", "title": "Orders", "description": "Every order placed",
             "ownerTeam": "sales", "classification": "CONFIDENTIAL", "tags": ["pii"],
             "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.orders.v1"}]}
            """;
    private static final String SCHEMA_1_0 = """
            {"version": "1.0.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "string"}, "total": {"type": "number"}}}}
            """;
    private static final String SCHEMA_1_1_COMPATIBLE = """
            {"version": "1.1.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "string"}, "total": {"type": "number"}, "note": {"type": "string"}}}}
            """;
    private static final String SCHEMA_1_2_REMOVES_TOTAL = """
            {"version": "1.2.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "string"}, "note": {"type": "string"}}}}
            """;
    private static final List<String> JOURNEY_TYPES = List.of(
            "governance.dataproduct.registered.v2", "governance.dataproduct.updated.v1",
            "governance.dataproduct.contract-version-published.v2",
            "governance.dataproduct.contract-version-published.v2", "governance.dataproduct.published.v1",
            "governance.dataproduct.deprecated.v2", "governance.dataproduct.retired.v1");

    @LocalServerPort
    private int port;

    private static GovernanceTopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new GovernanceTopicReader(broker().bootstrapServers());
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @Test
    void domainTeamTakesAProductThroughItsWholeLifecycle() {
        Api.Caller alice = new Api(port).as("alice");

        Api.Response registered = alice.post("/api/v1/data-products", ORDERS);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Location")).hasValue("/api/v1/data-products/sales.orders");
        assertThat(registered.json().path("id").asText()).isEqualTo("sales.orders");

        Api.Response read = alice.getAfter(registered, "/api/v1/data-products/sales.orders");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("status").asText()).isEqualTo("DRAFT");
        assertThat(read.json().path("version").asLong()).isEqualTo(1);
        assertThat(read.header("ETag")).hasValue("\"1\"");

        String update = """
                {"title": "Orders", "description": "Every order placed, with totals", "classification": "CONFIDENTIAL",
                 "tags": ["pii", "finance"], "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC",
                 "address": "sales.orders.v1"}]}
                """;
        assertThat(alice.put("/api/v1/data-products/sales.orders", update, "If-Match", "\"1\"").status()).isEqualTo(200);
        Api.Response stale = alice.put("/api/v1/data-products/sales.orders", update, "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        assertThat(alice.post("/api/v1/data-products/sales.orders/contracts", SCHEMA_1_0).status()).isEqualTo(201);
        assertThat(alice.post("/api/v1/data-products/sales.orders/contracts", SCHEMA_1_1_COMPATIBLE).status()).isEqualTo(201);
        Api.Response incompatible = alice.post("/api/v1/data-products/sales.orders/contracts", SCHEMA_1_2_REMOVES_TOTAL);
        assertThat(incompatible.status()).isEqualTo(409);
        assertThat(incompatible.json().path("type").asText()).endsWith("/incompatible-contract");

        assertThat(new Api(port).as("bob").post("/api/v1/data-products/sales.orders/publish", "").status())
                .as("only the owner team or a steward may change a product").isEqualTo(403);
        assertThat(alice.post("/api/v1/data-products/sales.orders/publish", "").status()).isEqualTo(200);
        Api.Response withoutNotice = alice.post("/api/v1/data-products/sales.orders/retire", "{\"reason\": \"now\"}");
        assertThat(withoutNotice.status()).as("a published product is deprecated first").isEqualTo(409);
        assertThat(withoutNotice.json().path("type").asText()).endsWith("/illegal-state-transition");
        assertThat(alice.post("/api/v1/data-products/sales.orders/deprecate", "{\"reason\": \"v2 coming\"}").status())
                .isEqualTo(200);
        Api.Response retired = new Api(port).as("carol")
                .post("/api/v1/data-products/sales.orders/retire", "{\"reason\": \"replaced by v2\"}");
        assertThat(retired.status()).isEqualTo(200);

        JsonNode product = alice.getAfter(retired, "/api/v1/data-products/sales.orders").json();
        assertThat(product.path("status").asText()).isEqualTo("RETIRED");
        assertThat(product.path("version").asLong()).isEqualTo(7);
        assertThat(product.path("tags")).extracting(JsonNode::asText).containsExactly("finance", "pii");
        assertThat(product.path("contractVersions")).extracting(v -> v.path("version").asText())
                .containsExactly("1.0.0", "1.1.0");

        JsonNode history = alice.getAfter(retired, "/api/v1/data-products/sales.orders/history").json();
        List<JsonNode> events = StreamSupport.stream(history.spliterator(), false).toList();
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyElementsOf(JOURNEY_TYPES);
        assertThat(events.get(6).path("principal").asText()).isEqualTo("carol");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("previousHash").asText()).isEqualTo(events.get(i - 1).path("hash").asText());
        }

        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(GovernanceTopicReader.ofKey(topic.poll(seen), "sales.orders")).hasSizeGreaterThanOrEqualTo(7));
        List<ConsumerRecord<String, byte[]>> orders = GovernanceTopicReader.ofKey(seen, "sales.orders");
        assertThat(orders).extracting(r -> GovernanceTopicReader.header(r, "ce_type")).containsExactlyElementsOf(JOURNEY_TYPES);
        assertThat(orders).extracting(r -> GovernanceTopicReader.header(r, "ce_sequence"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6");
        ConsumerRecord<String, byte[]> first = orders.get(0);
        assertThat(GovernanceTopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(GovernanceTopicReader.header(first, "ce_id")).isEqualTo(events.get(0).path("eventId").asText());
        assertThat(GovernanceTopicReader.header(first, "ce_subject")).isEqualTo("sales.orders");
        assertThat(GovernanceTopicReader.header(first, "ce_source")).isNotBlank();
        assertThat(GovernanceTopicReader.header(first, "ce_time")).isNotBlank();
        assertThat(GovernanceTopicReader.header(first, "ce_principal")).isEqualTo("alice");
        assertThat(GovernanceTopicReader.header(first, "ce_teams")).isEqualTo("sales");
        assertThat(GovernanceTopicReader.header(first, "ce_correlationid")).isNotBlank();
        assertThat(GovernanceTopicReader.header(first, "ce_hash")).isEqualTo(events.get(0).path("hash").asText());
    }

    @Test
    void topicIsCreatedWithItsPartitionsAndInfiniteRetention() throws Exception {
        Api.Response registered = new Api(port).as("alice").post("/api/v1/data-products",
                ORDERS.replace("\"orders\"", "\"leads\""));
        assertThat(registered.status()).isEqualTo(201);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get()
                    .contains(GovernanceTopicReader.TOPIC));
            TopicDescription description = admin.describeTopics(List.of(GovernanceTopicReader.TOPIC))
                    .allTopicNames().get().get(GovernanceTopicReader.TOPIC);
            assertThat(description.partitions()).hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, GovernanceTopicReader.TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void catalogueIsFilteredAndSearched() {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response registered = alice.post("/api/v1/data-products", ORDERS.replace("\"orders\"", "\"refunds\"")
                .replace("Every order placed", "Money given back to customers"));
        assertThat(registered.status()).isEqualTo(201);
        alice.getAfter(registered, "/api/v1/data-products/sales.refunds");

        JsonNode found = alice.get("/api/v1/data-products?ownerTeam=sales&classification=CONFIDENTIAL&q=MONEY").json();
        assertThat(found.path("items")).extracting(item -> item.path("id").asText()).containsExactly("sales.refunds");
        assertThat(found.path("total").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/v1/data-products?domain=marketing").json().path("total").asInt()).isZero();
    }

    @Test
    void duplicatedAndReplayedEventsLeaveTheReadModelUnchanged() {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response registered = alice.post("/api/v1/data-products", ORDERS.replace("\"orders\"", "\"returns\""));
        Api.Response published = alice.post("/api/v1/data-products/sales.returns/publish", "");
        JsonNode before = alice.getAfter(published, "/api/v1/data-products/sales.returns").json();
        assertThat(registered.status()).isEqualTo(201);

        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(GovernanceTopicReader.ofKey(topic.poll(seen), "sales.returns")).hasSize(2));
        List<ConsumerRecord<String, byte[]>> original = GovernanceTopicReader.ofKey(seen, "sales.returns");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // the last event once more (a duplicate), then the whole stream again (a replay)
            producer.send(copy(original.get(1)));
            original.forEach(record -> producer.send(copy(record)));
            producer.flush();
        }

        Api.Response deprecated = alice.post("/api/v1/data-products/sales.returns/deprecate", "{\"reason\": \"merged\"}");
        JsonNode after = alice.getAfter(deprecated, "/api/v1/data-products/sales.returns").json();
        assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong() + 1);
        assertThat(after.path("status").asText()).isEqualTo("DEPRECATED");
        List<String> changedByDeprecation = List.of("version", "status", "deprecationReason", "updatedAt");
        JsonNode unchangedAfter = ((ObjectNode) after.deepCopy()).without(changedByDeprecation);
        JsonNode unchangedBefore = ((ObjectNode) before.deepCopy()).without(changedByDeprecation);
        assertThat(unchangedAfter).isEqualTo(unchangedBefore);
        JsonNode history = alice.getAfter(deprecated, "/api/v1/data-products/sales.returns/history").json();
        assertThat(history).hasSize(3);
    }

    @Test
    void badInputAnswersProblemAndStoresNothing() {
        Api.Caller alice = new Api(port).as("alice");
        long eventsBefore = storedEvents();

        List<Api.Response> answers = List.of(
                alice.post("/api/v1/data-products", "{\"domain\": \"sales\", \"name\": "),
                alice.post("/api/v1/data-products", ORDERS.replace("CONFIDENTIAL", "TOP_SECRET")),
                alice.post("/api/v1/data-products", ORDERS.replace("\"orders\"", "\"Orders!\"")),
                alice.post("/api/v1/data-products", ORDERS.replace("\"Orders\"", "\"" + "o".repeat(5000) + "\"")),
                alice.post("/api/v1/data-products", ORDERS.replace("\"pii\"", "\"" + "t".repeat(100) + "\"")),
                alice.get("/api/v1/data-products?ownerTeam=%24ne"),
                alice.get("/api/v1/data-products?ownerTeam%5B%24ne%5D=sales"),
                alice.get("/api/v1/data-products/not-an-id"));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            assertThat(answer.json().path("type").asText()).endsWith("/invalid-input");
        });
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void requestsThatReachNoEndpointAnswerProblemsToo() {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response unknownPath = alice.get("/api/v1/no-such-thing");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        Api.Response wrongMethod = alice.put("/api/v1/data-products/sales.orders/publish", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
    }

    private static long storedEvents() {
        try (MongoClient client = MongoClients.create(mongo().connectionString())) {
            return client.getDatabase("governance_events").getCollection("domainevents").countDocuments();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
    }
}
