package com.acme.governance.local;

import com.acme.governance.command.relay.KafkaRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka is down for a while: decisions are still taken and stored, and once the broker is back every one of them
 * reaches the topic, in order, none lost; the read side catches up by itself.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayOutageIT extends LocalStackSupport {

    @LocalServerPort
    private int port;

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Test
    void eventsStoredDuringAKafkaOutageArriveInOrderOnceItIsBack() {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response registered = alice.post("/api/v1/data-products", """
                {"domain": "sales", "name": "outage", "title": "Outage", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(alice.getAfter(registered, "/api/v1/data-products/sales.outage").status()).isEqualTo(200);

        broker().stop();
        List<Api.Response> duringOutage = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            duringOutage.add(alice.put("/api/v1/data-products/sales.outage", """
                    {"title": "Outage %d", "classification": "INTERNAL", "tags": [], "outputPorts": []}
                    """.formatted(i), "If-Match", "\"" + i + "\""));
        }
        duringOutage.add(alice.post("/api/v1/data-products/sales.outage/publish", ""));
        assertThat(duringOutage).as("commands are accepted while Kafka is down")
                .allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
        // long enough for the producer to give up, so that the relay's own retry is what gets the events out
        await().atMost(Duration.ofMinutes(1)).until(this::relayFailing);
        Api.Response health = new Api(port).as("admin").get("/actuator/health/relay");
        assertThat(health.status()).as("a relay that cannot make progress makes the service unhealthy").isEqualTo(503);
        assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(health.json().path("details").path("reason").asText()).isNotBlank();
        broker().start();

        try (GovernanceTopicReader topic = new GovernanceTopicReader(broker().bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                    assertThat(distinctSequences(GovernanceTopicReader.ofKey(topic.poll(seen), "sales.outage")))
                            .containsExactly("0", "1", "2", "3", "4", "5"));
            List<String> sequencesInTopicOrder = GovernanceTopicReader.ofKey(seen, "sales.outage").stream()
                    .map(r -> GovernanceTopicReader.header(r, "ce_sequence")).toList();
            assertThat(sequencesInTopicOrder).as("at least once, and never out of order")
                    .isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        }

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(new Api(port).as("admin").get("/actuator/health/relay").status()).isEqualTo(200));

        Api.Response lastWrite = duringOutage.get(duringOutage.size() - 1);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Api.Response read = alice.getAfter(lastWrite, "/api/v1/data-products/sales.outage");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(read.json().path("title").asText()).isEqualTo("Outage 4");
        });
    }

    private boolean relayFailing() {
        return eventProcessing.eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState))
                .orElseThrow();
    }

    private static List<String> distinctSequences(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> sequences = new LinkedHashSet<>();
        records.forEach(record -> sequences.add(GovernanceTopicReader.header(record, "ce_sequence")));
        return List.copyOf(sequences);
    }
}
