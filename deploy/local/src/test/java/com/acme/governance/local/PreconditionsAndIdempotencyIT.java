package com.acme.governance.local;

import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0010 end to end, over HTTP on the local stack (both services in one servlet context, a real broker, the
 * embedded store): concurrent amendments from one ETag make one version; a repeated command makes one event.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreconditionsAndIdempotencyIT extends LocalStackSupport {

    private static final String POLICY = """
            {"id": "contested-data", "name": "Contested", "scope": {"domain": null},
             "rules": [{"when": {"classifications": ["CONFIDENTIAL"], "tags": []},
                        "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 30, "purposeRequired": true}}]}
            """;

    private static final String REGISTERED = EventCatalog.typeOf(DataProductRegistered.class);
    private static final String PUBLISHED = EventCatalog.typeOf(DataProductPublished.class);

    @LocalServerPort
    private int port;

    @Test
    void ofFiftyConcurrentAmendmentsFromOneETagOneMakesAVersion() throws Exception {
        Api.Caller carol = new Api(port).as("carol");
        Api.Response defined = carol.post("/api/v1/policies", POLICY);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Api.Response read = carol.getAfter(defined, "/api/v1/policies/contested-data");
        String etag = read.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");

        List<Callable<Api.Response>> amendments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String body = POLICY.replace("\"id\": \"contested-data\", ", "")
                    .replace("\"rules\"", "\"rationale\": \"editor " + i + "\", \"rules\"");
            amendments.add(() -> carol.put("/api/v1/policies/contested-data", body, "If-Match", etag));
        }
        List<Api.Response> answers = concurrently(amendments);
        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
        System.out.println("50 concurrent amendments from ETag " + etag + " answered " + statuses);
        assertThat(statuses).containsEntry(200, 1L);
        assertThat(statuses.keySet()).isSubsetOf(200, 409, 412);

        Api.Response made = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        assertThat(made.header("ETag")).contains("\"2\"");
        Api.Response current = carol.getAfter(made, "/api/v1/policies/contested-data");
        assertThat(current.header("ETag")).contains("\"2\"");
        assertThat(carol.getAfter(made, "/api/v1/policies/contested-data/versions").json()).hasSize(2);

        Api.Response retired = carol.post("/api/v1/policies/contested-data/retire", "{\"reason\": \"settled\"}",
                "If-Match", "\"2\"");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        Api.Response afterRetirement = carol.getAfter(retired, "/api/v1/policies/contested-data");
        assertThat(afterRetirement.header("ETag")).as("retirement changes the ETag").contains("\"3\"");
        assertThat(afterRetirement.json().path("version").asInt()).as("but makes no version").isEqualTo(2);
    }

    @Test
    void aRegistrationSentTwiceWithOneKeyIsOneEventOnKafkaAndInTheHistory() {
        Api.Caller alice = new Api(port).as("alice");
        String key = UUID.randomUUID().toString();
        String product = """
                {"domain": "sales", "name": "twice", "title": "Twice", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """;
        Api.Response first = alice.post("/api/v1/data-products", product, "Idempotency-Key", key);
        Api.Response again = alice.post("/api/v1/data-products", product, "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("X-Governance-Token")).isEqualTo(first.header("X-Governance-Token"));
        assertThat(again.text()).isEqualTo(first.text());
        Api.Response reused = alice.post("/api/v1/data-products", product.replace("Twice", "Other"),
                "Idempotency-Key", key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);

        // a later event of the same aggregate: once it is on Kafka, everything before it is (order per key)
        Api.Response published = alice.post("/api/v1/data-products/sales.twice/publish", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        try (GovernanceTopicReader topic = new GovernanceTopicReader(broker().bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> GovernanceTopicReader
                    .ofKey(topic.poll(seen), "sales.twice").stream()
                    .anyMatch(r -> PUBLISHED.equals(GovernanceTopicReader.header(r, "ce_type"))));
            List<String> registrations = GovernanceTopicReader.ofKey(seen, "sales.twice").stream()
                    .filter(r -> REGISTERED.equals(GovernanceTopicReader.header(r, "ce_type")))
                    .map(r -> GovernanceTopicReader.header(r, "ce_id")).distinct().toList();
            System.out.println("Registrations of sales.twice on Kafka (distinct event ids): " + registrations.size());
            assertThat(registrations).hasSize(1);
        }
        JsonNode history = alice.getAfter(published, "/api/v1/data-products/sales.twice/history").json();
        assertThat(history).hasSize(2);
    }

    private static List<Api.Response> concurrently(List<Callable<Api.Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Callable<Api.Response> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
