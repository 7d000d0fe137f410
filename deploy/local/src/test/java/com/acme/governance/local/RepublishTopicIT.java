package com.acme.governance.local;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The governance topic written again from the event store into an empty topic, as an operator restores it: the same
 * records (ids, types, sequences, headers and data), each aggregate's in the same order and partition as the relay
 * sent them. A topic that holds records is refused, and so is anyone but an operator.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepublishTopicIT extends LocalStackSupport {

    private static final String COPY = "governance.events.restored";

    @LocalServerPort
    private int port;

    @Test
    void theEventStoreRepublishedIntoAnEmptyTopicGivesTheSameEventsInOrderPerAggregate() throws Exception {
        Api.Caller alice = new Api(port).as("alice");
        List<String> products = new ArrayList<>();
        for (String name : List.of("ledger", "invoices", "refunds")) {
            Api.Response registered = alice.post("/api/v1/data-products", """
                    {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales",
                     "classification": "INTERNAL", "tags": [], "outputPorts": []}""".formatted(name));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            products.add("sales." + name);
            for (int version = 0; version < 3; version++) {
                assertThat(alice.post("/api/v1/data-products/sales." + name + "/contracts", """
                        {"version": "1.%d.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object"}}"""
                        .formatted(version)).status()).isEqualTo(201);
            }
            assertThat(alice.post("/api/v1/data-products/sales." + name + "/publish", "").status()).isEqualTo(200);
        }
        Api.Response requested = new Api(port).as("bob").post("/api/v1/access-requests", """
                {"dataProductId": "sales.ledger", "consumerTeam": "marketing", "purpose": "p", "durationDays": 7}""");
        assertThat(requested.status()).isEqualTo(201);
        List<String> aggregates = new ArrayList<>(products);
        aggregates.add(requested.json().path("id").asText());

        Api.Caller admin = new Api(port).as("admin");
        assertThat(alice.post("/api/v1/admin/event-log/republish", "{\"topic\": \"" + COPY + "\"}").status())
                .as("operators only").isEqualTo(403);
        assertThat(admin.post("/api/v1/admin/event-log/republish", "{\"topic\": \"no/such topic\"}").status())
                .isEqualTo(400);
        Api.Response republished = admin.post("/api/v1/admin/event-log/republish", "{\"topic\": \"" + COPY + "\"}");
        assertThat(republished.status()).as(republished.toString()).isEqualTo(200);
        long stored = republished.json().path("events").asLong();
        assertThat(stored).as("5 events per product and the request").isGreaterThanOrEqualTo(16);

        Map<String, List<String>> live = byAggregate(read(GovernanceTopicReader.TOPIC, aggregates, stored));
        List<ConsumerRecord<String, byte[]>> copied = read(COPY, aggregates, stored);
        assertThat(copied).as("each stored event once: the relay may send again, a republication does not")
                .hasSize((int) stored);
        assertThat(byAggregate(copied)).as("the same records, in the same order and partition per aggregate")
                .isEqualTo(live);
        System.out.printf("[republish] %s: %d events of %d aggregates, equal to the live topic's%n", COPY,
                stored, republished.json().path("aggregates").asLong());

        Api.Response again = admin.post("/api/v1/admin/event-log/republish", "{\"topic\": \"" + COPY + "\"}");
        assertThat(again.status()).as("not into a topic that holds records").isEqualTo(409);

        try (AdminClient kafka = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker().bootstrapServers()))) {
            kafka.createTopics(List.of(new NewTopic("governance.events.one-partition", 1, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        assertThat(admin.post("/api/v1/admin/event-log/republish", "{\"topic\": \"governance.events.one-partition\"}")
                .status()).as("its keys would land in other partitions").isEqualTo(409);

        List<Integer> racing = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = List.of(1, 2).stream().map(n -> new Thread(() -> racing.add(admin.post(
                "/api/v1/admin/event-log/republish", "{\"topic\": \"governance.events.raced\"}").status()))).toList();
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(racing).as("two operators at once: one copy").containsExactlyInAnyOrder(200, 409);
    }

    /** Every record of the topic, once it has as many distinct events as the store. */
    private List<ConsumerRecord<String, byte[]>> read(String topic, List<String> aggregates, long stored) {
        try (GovernanceTopicReader reader = new GovernanceTopicReader(broker().bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofMinutes(1)).until(() -> byAggregate(reader.poll(seen)).values()
                    .stream().mapToLong(List::size).sum() >= stored);
            assertThat(byAggregate(seen)).containsKeys(aggregates.toArray(String[]::new));
            return seen;
        }
    }

    /**
     * Each aggregate's records as partition, headers and data, in topic order, each sequence once (the relay sends
     * at least once).
     */
    private static Map<String, List<String>> byAggregate(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<String>> byAggregate = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!seen.computeIfAbsent(record.key(), k -> new HashSet<>())
                    .add(GovernanceTopicReader.header(record, "ce_sequence"))) {
                continue;
            }
            StringBuilder shown = new StringBuilder("partition " + record.partition());
            for (Header header : record.headers()) {
                shown.append(' ').append(header.key()).append('=').append(new String(header.value()));
            }
            shown.append(" data=").append(Arrays.hashCode(record.value())).append('/').append(record.value().length);
            byAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(shown.toString());
        }
        return byAggregate;
    }
}
