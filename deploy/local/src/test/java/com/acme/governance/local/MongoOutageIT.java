package com.acme.governance.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB is unreachable for a while: commands and reads fail fast with 503 {@code store-unavailable} (no hang, no
 * 500), nothing is half-written, and once it is back everything works again without a restart.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoOutageIT extends LocalStackSupport {

    private static final Duration FAIL_FAST = Duration.ofSeconds(10);
    private static final String STORE_UNAVAILABLE = "https://governance.acme.com/problems/store-unavailable";

    @LocalServerPort
    private int port;

    @Test
    void commandsAndReadsFailFastWhileTheDatabaseIsAwayAndRecoverByThemselves() {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response before = alice.post("/api/v1/data-products", product("before"));
        assertThat(before.status()).as(before.toString()).isEqualTo(201);
        assertThat(alice.getAfter(before, "/api/v1/data-products/sales.before").status()).isEqualTo(200);
        long eventsBefore = storedEvents();

        mongo().stop();
        try {
            long start = System.nanoTime();
            Api.Response command = alice.post("/api/v1/data-products", product("during"));
            Duration commandTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            Api.Response read = alice.get("/api/v1/data-products/sales.before");
            Duration readTook = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("MongoOutageIT: while away, command %d in %d ms, read %d in %d ms%n",
                    command.status(), commandTook.toMillis(), read.status(), readTook.toMillis());

            assertThat(command.status()).as(command.toString()).isEqualTo(503);
            assertThat(command.json().path("type").asText()).isEqualTo(STORE_UNAVAILABLE);
            assertThat(command.header("Retry-After")).isPresent();
            assertThat(commandTook).isLessThan(FAIL_FAST);
            assertThat(read.status()).as(read.toString()).isEqualTo(503);
            assertThat(read.json().path("type").asText()).isEqualTo(STORE_UNAVAILABLE);
            assertThat(readTook).isLessThan(FAIL_FAST);
        } finally {
            mongo().start();
        }

        assertThat(storedEvents()).as("nothing of the refused command was recorded").isEqualTo(eventsBefore);
        Api.Response after = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> alice.post("/api/v1/data-products", product("after")), response -> response.status() == 201);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(alice.getAfter(after, "/api/v1/data-products/sales.after").status()).isEqualTo(200));
        assertThat(alice.get("/api/v1/data-products/sales.during").status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(eventsBefore + 1);
    }

    private static String product(String name) {
        return """
                {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}
                """.formatted(name);
    }

    private static long storedEvents() {
        try (MongoClient client = MongoClients.create(mongo().connectionString())) {
            return client.getDatabase("governance_events").getCollection("domainevents")
                    .countDocuments(Filters.regex("aggregateIdentifier", "^sales\\."));
        }
    }
}
