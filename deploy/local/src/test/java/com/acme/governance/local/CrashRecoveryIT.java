package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's first promise, tried as an operator would break it: the packaged launcher (both services, the broker
 * and the store in one JVM) is killed with {@code kill -9} in the middle of a burst of registrations from four
 * clients, then restarted on the same data. Every registration that had been answered 201 must be in the event store,
 * on Kafka, and applied exactly once in the read models; a grant expiry that was pending must still fire.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 120;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedDecisionSurvivesKillMinus9OfTheWholeStack() throws Exception {
        Path data = dir.resolve("data");
        LauncherProcess.Ports ports = LauncherProcess.Ports.free();
        LauncherProcess first = LauncherProcess.start(data, ports).awaitHealthy();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String grantId;
        try {
            Api api = new Api(ports.http());
            grantId = grantForOneDay(api);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger names = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    Api.Caller alice = api.as("alice");
                    while (!stop.get()) {
                        String name = "crash-" + names.incrementAndGet();
                        try {
                            if (alice.post("/api/v1/data-products", product(name)).status() == 201) {
                                acknowledged.add("sales." + name);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            first.kill(); // SIGKILL, mid-burst: nothing gets to flush or close
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            first.kill();
        }

        // two days later, as far as the services can tell: the one-day grant is overdue
        LauncherProcess second = LauncherProcess.start(data, ports, "--governance.local.clock-offset=P2D")
                .awaitHealthy();
        try {
            Api.Caller alice = new Api(ports.http()).as("alice");
            Map<String, Long> stored = storedFirstEvents(ports.mongo());
            List<String> notStored = acknowledged.stream().filter(id -> stored.getOrDefault(id, 0L) != 1).toList();
            System.out.printf("CrashRecoveryIT: acknowledged %d, in the event store after kill -9 and restart %d%n",
                    acknowledged.size(), acknowledged.size() - notStored.size());
            assertThat(notStored).as("acknowledged, yet not in the event store").isEmpty();

            Map<String, Integer> onKafka = new HashMap<>();
            Set<String> eventsOnKafka = new HashSet<>();
            try (GovernanceTopicReader topic = new GovernanceTopicReader("localhost:" + ports.kafka())) {
                List<ConsumerRecord<String, byte[]>> seen = topic.readUntilEveryKeyOf(acknowledged);
                onKafka.putAll(GovernanceTopicReader.countByKey(seen));
                seen.forEach(r -> eventsOnKafka.add(r.key() + ":" + GovernanceTopicReader.header(r, "ce_sequence")));
            }
            // nothing may reach the mesh that the store does not keep: a relay that read a write before it was
            // durable would publish an event that the crash then took back
            Set<String> phantoms = new HashSet<>(eventsOnKafka);
            phantoms.removeAll(storedEvents(ports.mongo()));
            System.out.printf("CrashRecoveryIT: events on Kafka %d, of them not in the event store %d%n",
                    eventsOnKafka.size(), phantoms.size());
            assertThat(phantoms).as("on Kafka but not in the event store").isEmpty();
            long duplicatesOnKafka = acknowledged.stream().filter(id -> onKafka.get(id) > 1).count();

            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.stream()
                    .allMatch(id -> alice.get("/api/v1/data-products/" + id).status() == 200));
            List<String> notAppliedOnce = acknowledged.stream().filter(id -> {
                Api.Response product = alice.get("/api/v1/data-products/" + id);
                Api.Response history = alice.get("/api/v1/data-products/" + id + "/history");
                return product.json().path("version").asLong() != 1 || history.json().size() != 1;
            }).toList();

            System.out.printf("CrashRecoveryIT: acknowledged %d, on Kafka %d (of them duplicated %d), applied exactly "
                            + "once %d%n", acknowledged.size(), acknowledged.stream().filter(onKafka::containsKey).count(),
                    duplicatesOnKafka, acknowledged.size() - notAppliedOnce.size());
            assertThat(notAppliedOnce).as("not applied exactly once in the read models").isEmpty();

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(new Api(ports.http()).as("bob")
                    .get("/api/v1/access-grants/" + grantId).json().path("status").asText()).isEqualTo("EXPIRED"));
        } finally {
            second.stop();
            second.kill();
        }
    }

    /** Bob's team gets a one-day grant on a product of Alice's team; its expiry is a durable deadline. */
    private static String grantForOneDay(Api api) {
        Api.Caller alice = api.as("alice");
        assertThat(alice.post("/api/v1/data-products", product("expiring")).status()).isEqualTo(201);
        assertThat(alice.post("/api/v1/data-products/sales.expiring/publish", "").status()).isEqualTo(200);
        String id = Grants.requestedAndApproved(api, "sales.expiring", "drill", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.as("bob")
                .get("/api/v1/access-grants/" + id).json().path("status").asText()).isEqualTo("ACTIVE"));
        return id;
    }

    private static Set<String> storedEvents(int mongoPort) {
        Set<String> events = new HashSet<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            client.getDatabase("governance_events").getCollection("domainevents").find()
                    .forEach(event -> events.add(event.getString("aggregateIdentifier") + ":"
                            + event.get("sequenceNumber", Number.class).longValue()));
        }
        return events;
    }

    private static Map<String, Long> storedFirstEvents(int mongoPort) {
        Map<String, Long> counts = new HashMap<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            client.getDatabase("governance_events").getCollection("domainevents")
                    .find(Filters.eq("sequenceNumber", 0L))
                    .forEach(event -> counts.merge(event.getString("aggregateIdentifier"), 1L, Long::sum));
        }
        return counts;
    }

    private static String product(String name) {
        return """
                {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """.formatted(name);
    }
}
