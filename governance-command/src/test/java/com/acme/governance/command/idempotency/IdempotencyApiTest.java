package com.acme.governance.command.idempotency;

import org.springframework.context.annotation.Bean;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.command.config.CommandProperties;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.testing.Concurrently;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.MovableClock;
import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code Idempotency-Key} on the write side's HTTP edge (ADR 0010), over a real (embedded) MongoDB: the effect of a
 * command happens once per key, whatever the client repeats. Kafka is unreachable on purpose.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class,
        IdempotencyApiTest.Clocks.class,
        IdempotencyApiTest.FlakyCommand.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s", "governance.idempotency.max-body-size=64KB"})
@AutoConfigureMockMvc
class IdempotencyApiTest {

    private static final String PROBLEMS = "https://governance.acme.com/problems/";
    private static final String KEY = IdempotencyKey.HEADER;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MovableClock clock;
    @Autowired
    private IdempotencyStore store;
    @Autowired
    private IdempotencyProperties properties;
    @Autowired
    private FlakyCommand flaky;
    @Autowired
    private MongoClient mongoClient;
    @Autowired
    private CommandProperties commandProperties;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return MovableClock.ticking();
        }
    }

    /** A command that fails with 503 until told otherwise, and counts how often it ran. */
    @RestController
    static class FlakyCommand {
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean available;

        @PostMapping("/api/v1/test-flaky")
        ResponseEntity<String> run() {
            int run = runs.incrementAndGet();
            return available
                    ? ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"run\":" + run + "}")
                    : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }

    @Test
    void aRepeatedRegistrationAnswersTheFirstAnswerAgain() throws Exception {
        String key = newKey();
        MockHttpServletResponse first = as("alice", post("/api/v1/data-products").header(KEY, key),
                product("replayed")).andExpect(status().isCreated()).andReturn().getResponse();
        MockHttpServletResponse again = as("alice", post("/api/v1/data-products").header(KEY, key),
                product("replayed"))
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyInterceptor.REPLAYED, "true"))
                .andReturn().getResponse();

        assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/data-products/sales.replayed")
                .isEqualTo(first.getHeader(HttpHeaders.LOCATION));
        assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        assertThat(again.getHeader(GovernanceToken.HEADER)).isEqualTo("sales.replayed:0");
        assertThat(again.getContentType()).isEqualTo(first.getContentType());
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString()).contains("\"version\":1");
        assertThat(events("sales.replayed")).isEqualTo(1);
    }

    @Test
    void aRepeatedUpdateHasNoSecondEffect() throws Exception {
        register("updated");
        String key = newKey();
        for (int i = 0; i < 3; i++) {
            as("alice", put("/api/v1/data-products/sales.updated").header(KEY, key).header(HttpHeaders.IF_MATCH, "\"1\""),
                    update("once")).andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
            as("alice", post("/api/v1/data-products/sales.updated/publish").header(KEY, key + "-publish"), "")
                    .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
        }
        assertThat(events("sales.updated")).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() throws Exception {
        register("reused");
        String key = newKey();
        as("alice", put("/api/v1/data-products/sales.reused").header(KEY, key).header(HttpHeaders.IF_MATCH, "\"1\""),
                update("first")).andExpect(status().isOk());

        as("alice", put("/api/v1/data-products/sales.reused").header(KEY, key).header(HttpHeaders.IF_MATCH, "\"2\""),
                update("another body"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "idempotency-key-reused"));
        as("alice", post("/api/v1/data-products/sales.reused/publish").header(KEY, key), update("first"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(events("sales.reused")).isEqualTo(2);
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = newKey();
        as("alice", post("/api/v1/data-products").header(KEY, key), product("alices"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/data-products/sales.alices"));
        as("erin", post("/api/v1/data-products").header(KEY, key), product("erins"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/data-products/sales.erins"))
                .andExpect(header().doesNotExist(IdempotencyInterceptor.REPLAYED));
        // the same request by another caller is that caller's own first request, not a replay of alice's
        as("erin", post("/api/v1/data-products").header(KEY, newKey()), product("alices"))
                .andExpect(status().isConflict());
    }

    @Test
    void aMalformedKeyIsInvalidInput() throws Exception {
        for (String malformed : List.of("", " ", "x".repeat(256), "a b", "clé", "\"\"", "\"a\"b\"", "tab\tkey")) {
            as("alice", post("/api/v1/data-products").header(KEY, malformed), product("malformed"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value(KEY));
        }
        as("alice", post("/api/v1/data-products").header(KEY, "one").header(KEY, "two"), product("malformed"))
                .andExpect(status().isBadRequest());
        assertThat(eventStore.lastSequenceNumberFor("sales.malformed")).isEmpty();
    }

    @Test
    void aQuotedKeyIsTheSameKeyAsItsBareForm() throws Exception {
        String key = newKey();
        as("alice", post("/api/v1/data-products").header(KEY, "x".repeat(255 - key.length()) + key),
                product("quoted")).andExpect(status().isCreated());
        as("alice", post("/api/v1/data-products").header(KEY, "\"" + "x".repeat(255 - key.length()) + key + "\""),
                product("quoted"))
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyInterceptor.REPLAYED, "true"));
    }

    @Test
    void aRefusalIsKeptAndReplayedToo() throws Exception {
        String key = newKey();
        as("bob", post("/api/v1/data-products").header(KEY, key), product("not-bobs"))
                .andExpect(status().isForbidden());
        as("bob", post("/api/v1/data-products").header(KEY, key), product("not-bobs"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"))
                .andExpect(header().string(IdempotencyInterceptor.REPLAYED, "true"));
    }

    @Test
    void aServerFailureFreesTheKeyForTheRetry() throws Exception {
        String key = newKey();
        flaky.available = false;
        int before = flaky.runs.get();
        as("alice", post("/api/v1/test-flaky").header(KEY, key), "{}").andExpect(status().isServiceUnavailable());
        flaky.available = true;
        as("alice", post("/api/v1/test-flaky").header(KEY, key), "{}")
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyInterceptor.REPLAYED))
                .andExpect(jsonPath("$.run").value(before + 2));
        as("alice", post("/api/v1/test-flaky").header(KEY, key), "{}")
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyInterceptor.REPLAYED, "true"))
                .andExpect(jsonPath("$.run").value(before + 2));
        assertThat(flaky.runs.get()).isEqualTo(before + 2);
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() throws Exception {
        register("retained");
        String key = newKey();
        as("alice", post("/api/v1/data-products/sales.retained/publish").header(KEY, key), "")
                .andExpect(status().isOk());
        clock.advance(properties.retention().minusMinutes(1));
        as("alice", post("/api/v1/data-products/sales.retained/publish").header(KEY, key), "")
                .andExpect(status().isOk())
                .andExpect(header().string(IdempotencyInterceptor.REPLAYED, "true"));

        clock.advance(Duration.ofMinutes(2));
        // past retention it is a new request: publishing a published product is a conflict, and the key is new again
        as("alice", post("/api/v1/data-products/sales.retained/publish").header(KEY, key), "")
                .andExpect(status().isConflict())
                .andExpect(header().doesNotExist(IdempotencyInterceptor.REPLAYED));
        assertThat(events("sales.retained")).isEqualTo(2);
    }

    @Test
    void expiredKeysArePurged() throws Exception {
        String key = newKey();
        as("alice", post("/api/v1/data-products").header(KEY, key), product("purged")).andExpect(status().isCreated());
        clock.advance(properties.retention().plusSeconds(1));
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(mongoClient.getDatabase(commandProperties.mongoDatabase()).getCollection(IdempotencyStore.COLLECTION)
                .countDocuments(new Document("key", key))).isZero();
    }

    @Test
    void aKeyWhoseFirstRequestRunsIsInFlightUntilThatRequestTimesOut() throws Exception {
        register("crashed");
        String key = newKey();
        String body = "";
        // what a crash leaves: a claim whose request never answers
        store.claim("alice", new IdempotencyKey(key),
                RequestFingerprint.of("POST", "/api/v1/data-products/sales.crashed/publish", body.getBytes()));
        as("alice", post("/api/v1/data-products/sales.crashed/publish").header(KEY, key), body)
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "idempotency-key-in-flight"));
        as("alice", post("/api/v1/data-products/sales.crashed/publish").header(KEY, key), "{\"other\":1}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(events("sales.crashed")).isEqualTo(1);

        clock.advance(properties.pendingTimeout().plusSeconds(1));
        as("alice", post("/api/v1/data-products/sales.crashed/publish").header(KEY, key), body)
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(IdempotencyInterceptor.REPLAYED));
        assertThat(events("sales.crashed")).isEqualTo(2);
    }

    @Test
    void ofConcurrentRepetitionsOneRunsAndNoneRunsTwice() throws Exception {
        register("raced");
        String key = newKey();
        Map<Integer, Long> statuses = Concurrently.countAnswers(20, 20, i -> () -> as("alice",
                put("/api/v1/data-products/sales.raced").header(KEY, key).header(HttpHeaders.IF_MATCH, "\"1\""),
                update("raced")).andReturn().getResponse().getStatus());
        System.out.println("20 concurrent repetitions of one key answered " + statuses);
        assertThat(statuses.keySet()).isSubsetOf(200, 409);
        assertThat(statuses).containsKey(200);
        assertThat(events("sales.raced")).isEqualTo(2);
    }

    @Test
    void aBodyTooLargeToCompareIsRefusedWithAKeyOnly() throws Exception {
        String large = product("large").replace("\"T\"", "\"" + "x".repeat(70 * 1024) + "\"");
        as("alice", post("/api/v1/data-products").header(KEY, newKey()), large)
                .andExpect(status().isPayloadTooLarge());
        // without a key nothing is held: the body reaches validation, which finds the title too long
        as("alice", post("/api/v1/data-products"), large)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    private long events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().count();
    }

    @Test
    void anAccessRequestRunAgainAfterItsAnswerWasLostIsADuplicateNotASecondRequest() throws Exception {
        register("keyed");
        as("alice", post("/api/v1/data-products/sales.keyed/publish"), "").andExpect(status().isOk());
        String request = """
                {"dataProductId": "sales.keyed", "consumerTeam": "marketing", "purpose": "p", "durationDays": 30}
                """;
        String key = newKey();
        String location = as("bob", post("/api/v1/access-requests").header(KEY, key), request)
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        // as when the service died after the command and before it kept the answer: the key is free again
        mongoClient.getDatabase(commandProperties.mongoDatabase()).getCollection(IdempotencyStore.COLLECTION)
                .deleteMany(new org.bson.Document());

        as("bob", post("/api/v1/access-requests").header(KEY, key), request)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "duplicate"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(events(id)).as("the first request, not a second one").isEqualTo(1);
        as("bob", post("/api/v1/access-requests").header(KEY, newKey()), request)
                .andExpect(status().isCreated()); // another key is another request
    }

    private void register(String name) throws Exception {
        as("alice", post("/api/v1/data-products"), product(name)).andExpect(status().isCreated());
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, request).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String product(String name) {
        return """
                {"domain": "sales", "name": "%s", "title": "T", "ownerTeam": "sales", "classification": "INTERNAL",
                 "tags": [], "outputPorts": []}
                """.formatted(name);
    }

    private static String update(String description) {
        return "{\"title\":\"T\",\"description\":\"" + description
                + "\",\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}";
    }

}
