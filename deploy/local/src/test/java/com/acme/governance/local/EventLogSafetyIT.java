package com.acme.governance.local;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No single event can stop the event log, and none stays off it: an event Kafka would refuse is refused at the
 * command, and an aggregate's last event that tracking missed reaches Kafka within a bounded time by itself.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"governance.kafka.sweep-interval=1s", "governance.kafka.sweep-minimum-age=2s",
                "governance.kafka.sweep-full-interval=3s",
                // small enough that a body within every edge limit makes a larger event than the log accepts
                "governance.kafka.max-record-bytes=" + EventLogSafetyIT.MAX_RECORD_BYTES})
class EventLogSafetyIT extends LocalStackSupport {

    static final int MAX_RECORD_BYTES = 20_000;

    @LocalServerPort
    private int port;

    @Autowired
    private EventStorageEngine eventStorageEngine;

    @Test
    void aContractWhoseEventKafkaWouldRefuseIsRefusedAndTheLogKeepsFlowing() {
        Api.Caller alice = new Api(port).as("alice");
        assertThat(alice.post("/api/v1/data-products", product("huge")).status()).isEqualTo(201);
        // within every edge limit (one string of 40,000 characters), but an event of more than 20,000 bytes
        String schema = "{\"type\": \"object\", \"description\": \"" + "x".repeat(40_000) + "\"}";
        Api.Response refused = alice.post("/api/v1/data-products/sales.huge/contracts",
                "{\"version\": \"1.0.0\", \"schemaType\": \"JSON_SCHEMA\", \"schema\": " + schema + "}");

        System.out.println("EventLogSafetyIT: oversized contract answered " + refused.status() + " " + refused.text());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("https://governance.acme.com/problems/event-too-large");
        assertThat(refused.json().path("maxRecordBytes").asInt()).isEqualTo(MAX_RECORD_BYTES);
        Api.Response next = alice.post("/api/v1/data-products", product("after-huge"));
        assertThat(next.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(alice.getAfter(next, "/api/v1/data-products/sales.after-huge").status()).isEqualTo(200));
        assertThat(eventStorageEngine.readEvents("sales.huge").asStream().count())
                .as("nothing of the refused contract was stored").isEqualTo(1);
    }

    @Test
    void anAggregatesLastEventThatTrackingMissedReachesKafkaByItself() {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response registered = alice.post("/api/v1/data-products", product("late"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(alice.getAfter(registered, "/api/v1/data-products/sales.late").status()).isEqualTo(200);
        DomainEventMessage<?> first = eventStorageEngine.readEvents("sales.late").next();

        // stored now but stamped three minutes ago: behind the relay's tracking position and its look-back window,
        // and behind the sweeps' recent window too: a full sweep sends it
        eventStorageEngine.appendEvents(new GenericDomainEventMessage<>(first.getType(), "sales.late", 1,
                new DataProductPublished(DataProductId.of("sales.late")),
                MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "alice", AuditMetadata.TEAMS, List.of("sales"),
                        AuditMetadata.ROLES, List.of())),
                UUID.randomUUID().toString(), Instant.now().minus(Duration.ofMinutes(3))));

        try (GovernanceTopicReader topic = new GovernanceTopicReader(broker().bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(GovernanceTopicReader.ofKey(topic.poll(seen), "sales.late").stream()
                            .map(r -> GovernanceTopicReader.header(r, "ce_sequence")).distinct())
                            .containsExactly("0", "1"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alice
                .get("/api/v1/data-products/sales.late", Api.TOKEN, "sales.late:1").json().path("status").asText())
                .isEqualTo("PUBLISHED"));
    }

    private static String product(String name) {
        return """
                {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """.formatted(name);
    }
}
