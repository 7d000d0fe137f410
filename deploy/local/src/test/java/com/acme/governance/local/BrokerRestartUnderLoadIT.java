package com.acme.governance.local;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker is stopped and started again while clients keep deciding: every acknowledged decision reaches Kafka
 * and is applied to the read models exactly once, none lost, none applied twice.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerRestartUnderLoadIT extends LocalStackSupport {

    private static final int CLIENTS = 3;

    @LocalServerPort
    private int port;

    @Test
    void nothingIsLostOrAppliedTwiceWhenTheBrokerRestartsUnderLoad() throws Exception {
        Api api = new Api(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger names = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                Api.Caller alice = api.as("alice");
                while (!stop.get()) {
                    String name = "load-" + names.incrementAndGet();
                    if (alice.post("/api/v1/data-products", product(name)).status() == 201) {
                        acknowledged.add("sales." + name);
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 40);
        broker().stop();
        int beforeRestart = acknowledged.size();
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= beforeRestart + 40);
        broker().start();
        int afterRestart = acknowledged.size();
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= afterRestart + 40);
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        Map<String, Integer> onKafka = new HashMap<>();
        try (GovernanceTopicReader topic = new GovernanceTopicReader(broker().bootstrapServers())) {
            onKafka.putAll(GovernanceTopicReader.countByKey(topic.readUntilEveryKeyOf(acknowledged)));
        }
        Api.Caller alice = api.as("alice");
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.stream()
                .allMatch(id -> alice.get("/api/v1/data-products/" + id).status() == 200));
        List<String> notAppliedOnce = acknowledged.stream().filter(id ->
                alice.get("/api/v1/data-products/" + id).json().path("version").asLong() != 1
                        || alice.get("/api/v1/data-products/" + id + "/history").json().size() != 1).toList();
        System.out.printf("BrokerRestartUnderLoadIT: acknowledged %d (%d while the broker was down), on Kafka %d "
                        + "(duplicated %d), applied exactly once %d%n", acknowledged.size(), afterRestart - beforeRestart,
                acknowledged.stream().filter(onKafka::containsKey).count(),
                acknowledged.stream().filter(id -> onKafka.get(id) > 1).count(),
                acknowledged.size() - notAppliedOnce.size());
        assertThat(notAppliedOnce).isEmpty();
    }

    private static String product(String name) {
        return """
                {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """.formatted(name);
    }
}
