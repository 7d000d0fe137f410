package com.acme.governance.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7: records on governance.events that are no event this service can apply (bytes that are not an event, an
 * unknown type) are parked on the dead-letter topic with their reason; only their aggregate's later events are held
 * back, every other aggregate keeps applying; health, metric and the operator endpoint report it, and a retry
 * applies what is held once the operator has discarded the junk in front of it.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
class ParkedEventsIT extends LocalStackSupport {

    private static final String DLT = "governance.events.dlt";
    private static final String X = "sales.parking-x";
    private static final String Y = "sales.parking-y";
    private static final String Z = "sales.parking-z";

    @LocalServerPort
    private int port;
    @Autowired
    private MeterRegistry meters;

    @Test
    void undecodableRecordsAreParkedAndHoldBackOnlyTheirAggregate() throws Exception {
        Api api = new Api(port);
        Api.Caller alice = api.as("alice");
        Api.Caller admin = api.as("admin");
        for (String name : List.of("parking-x", "parking-y", "parking-z")) {
            Api.Response registered = alice.post("/api/v1/data-products", """
                    {"domain": "sales", "name": "%s", "title": "Parking", "ownerTeam": "sales",
                     "classification": "INTERNAL", "tags": [], "outputPorts": []}
                    """.formatted(name));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            assertThat(alice.getAfter(registered, "/api/v1/data-products/sales." + name).status()).isEqualTo(200);
        }

        // Someone writes to the topic by hand: garbage under X's key, and an event type from a newer producer for Z.
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(GovernanceTopicReader.TOPIC, X,
                    new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef})).get();
            producer.send(EventRecords.unknownType(Z, 1, "governance.dataproduct.renamed.v9")).get();
        }
        Api.Response xUpdated = update(alice, X, "X after the junk");
        Api.Response yUpdated = update(alice, Y, "Y goes on");
        Api.Response zUpdated = update(alice, Z, "Z after the unknown type");

        Api.Response y = alice.getAfter(yUpdated, "/api/v1/data-products/" + Y);
        assertThat(y.status()).as("other aggregates keep applying").isEqualTo(200);
        assertThat(y.json().path("title").asText()).isEqualTo("Y goes on");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/admin/parked-events").json().path("total").asInt()).isEqualTo(4));
        assertThat(alice.getAfter(xUpdated, "/api/v1/data-products/" + X).status())
                .as("X's update is held back: a read waiting for it is told the read model is behind").isEqualTo(503);
        assertThat(alice.get("/api/v1/data-products/" + X).json().path("title").asText()).isEqualTo("Parking");
        assertThat(alice.get("/api/v1/data-products/" + Z).json().path("title").asText()).isEqualTo("Parking");

        Api.Response parked = admin.get("/api/v1/admin/parked-events");
        assertThat(parked.json().path("items").findValuesAsText("category"))
                .containsExactlyInAnyOrder("undecodable", "held-behind-parked", "unknown-type", "held-behind-parked");
        assertThat(parked.json().path("items").findValuesAsText("aggregateId")).containsOnly(X, Z);
        assertThat(alice.get("/api/v1/admin/parked-events").status()).isEqualTo(403);

        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(4);
        assertThat(deadLetters).extracting(r -> r.key() + " " + header(r, "dlt-category"))
                .containsExactlyInAnyOrder(X + " undecodable", X + " held-behind-parked", Z + " unknown-type",
                        Z + " held-behind-parked");
        assertThat(deadLetters).allSatisfy(r -> assertThat(header(r, "dlt-reason")).isNotBlank());
        assertThat(deadLetters.stream().filter(r -> "unknown-type".equals(header(r, "dlt-category")))
                .map(r -> header(r, "dlt-reason")).findFirst().orElseThrow()).contains("renamed.v9");

        Api.Response health = api.as("alice").get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().at("/components/parkedEvents/status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(health.json().at("/components/parkedEvents/details/parked").asInt()).isEqualTo(4);
        assertThat(health.json().at("/components/projections/status").asText()).isEqualTo("UP");
        assertThat(alice.get("/actuator/health/readiness").status()).as("parking is no reason to stop serving")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.get("governance.projection.parked").gauge().value()).isEqualTo(4));

        // A retry alone changes nothing: the junk still is junk, the type still unknown.
        Api.Response retried = admin.post("/api/v1/admin/parked-events/retry", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("applied").asInt()).isZero();
        assertThat(retried.json().path("stillParked").asInt()).isEqualTo(4);
        // The operator discards the junk (it stays on the dead-letter topic), then retries X: its update applies.
        String junk = null;
        for (com.fasterxml.jackson.databind.JsonNode item : parked.json().path("items")) {
            if (item.path("category").asText().equals("undecodable")) {
                junk = item.path("id").asText();
            }
        }
        assertThat(junk).isNotNull();
        assertThat(admin.delete("/api/v1/admin/parked-events/" + junk).status()).isEqualTo(204);
        Api.Response retriedX = admin.post("/api/v1/admin/parked-events/retry?aggregateId=" + X, "");
        assertThat(retriedX.json().path("applied").asInt()).isEqualTo(1);
        assertThat(retriedX.json().path("released").get(0).asText()).isEqualTo(X);
        Api.Response x = alice.getAfter(xUpdated, "/api/v1/data-products/" + X);
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.json().path("title").asText()).isEqualTo("X after the junk");
        // X applies normally again; Z stays held behind its unknown event until a version that knows it retries.
        Api.Response xAgain = update(alice, X, "X released");
        assertThat(alice.getAfter(xAgain, "/api/v1/data-products/" + X).json().path("title").asText())
                .isEqualTo("X released");
        assertThat(admin.get("/api/v1/admin/parked-events").json().path("total").asInt()).isEqualTo(2);
        assertThat(alice.get("/api/v1/data-products/" + Z).json().path("title").asText()).isEqualTo("Parking");
    }

    private static Api.Response update(Api.Caller caller, String id, String title) {
        Api.Response current = caller.get("/api/v1/data-products/" + id);
        Api.Response updated = caller.put("/api/v1/data-products/" + id, """
                {"title": "%s", "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """.formatted(title), "If-Match", current.header("ETag").orElseThrow());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        return updated;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.size() >= expected;
            });
        }
        return seen;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
