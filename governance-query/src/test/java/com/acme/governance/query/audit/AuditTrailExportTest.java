package com.acme.governance.query.audit;

import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.RawHttp;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.support.EventChain;
import com.acme.governance.query.support.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The NDJSON export over real HTTP, read line by line as a client would: a trail of several thousand events arrives
 * complete, in order and chained, and it is streamed from the database page by page (ADR 0046) at the client's pace,
 * not gathered first. The export reads small pages here, and MongoDB's commands are counted to see what it read.
 */
@SpringBootTest(classes = {GovernanceQueryApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class,
        AuditTrailExportTest.CountedMongoCommands.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"governance.query.mongo-database=query_export_test", "governance.query.consumer-auto-startup=false",
                "governance.query.audit.export-batch-size=" + AuditTrailExportTest.BATCH,
                "spring.kafka.bootstrap-servers=localhost:1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailExportTest {

    static final int BATCH = 16;
    private static final int AGGREGATES = 4;
    private static final int EVENTS_EACH = 1000;
    private static final int EVENTS = AGGREGATES * EVENTS_EACH;
    /** Large enough that the whole export (about 40 MB) is far more than every buffer between server and client. */
    private static final String FILLER = "x".repeat(8192);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00.001Z");

    @LocalServerPort
    private int port;
    @Autowired
    private AuditEventProjection projection;
    @Autowired
    private Map<String, AtomicInteger> mongoCommands;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Four aggregates whose events share their instants, so that the order's tie-breaks are exercised too. */
    @BeforeAll
    void storeALongTrail() {
        List<EventChain> chains = IntStream.range(0, AGGREGATES)
                .mapToObj(i -> new EventChain("export.product-" + i, "DataProduct", START)).toList();
        for (int sequence = 0; sequence < EVENTS_EACH; sequence++) {
            for (EventChain chain : chains) {
                chain.append("governance.dataproduct.updated.v1",
                        TestJson.MAPPER.createObjectNode().put("description", FILLER), "alice", List.of("sales"),
                        List.of());
            }
        }
        chains.forEach(chain -> chain.events().forEach(projection::apply));
    }

    @Test
    void aLongTrailArrivesCompleteInOrderAndChained() throws Exception {
        HttpResponse<Stream<String>> response = export();
        List<JsonNode> lines;
        try (Stream<String> body = response.body()) {
            lines = body.map(AuditTrailExportTest::parse).toList();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-ndjson"));
        assertThat(lines).hasSize(EVENTS);
        Map<String, JsonNode> previous = new HashMap<>();
        JsonNode before = null;
        for (JsonNode line : lines) {
            if (before != null) {
                assertThat(key(line)).as("trail order").isGreaterThan(key(before));
            }
            JsonNode last = previous.put(line.get("aggregateId").asText(), line);
            assertThat(line.get("sequence").asLong()).isEqualTo(last == null ? 0 : last.get("sequence").asLong() + 1);
            assertThat(line.get("previousHash").asText()).isEqualTo(last == null ? "" : last.get("hash").asText());
            assertThat(line.get("hash").asText()).isEqualTo(AuditTrailReadsTest.recomputedHash(line));
            before = line;
        }
    }

    @Test
    void theFirstLineArrivesWhileMostOfTheTrailIsStillInTheDatabaseAndLeavingStopsTheReads() throws Exception {
        mongoCommands.clear();
        HttpResponse<Stream<String>> response = export();
        int pagesReadWhenTheFirstLineArrived;
        try (Stream<String> body = response.body()) {
            Iterator<String> lines = body.iterator();
            JsonNode first = parse(lines.next());
            pagesReadWhenTheFirstLineArrived = count("find");

            assertThat(first.get("aggregateId").asText()).isEqualTo("export.product-0");
            assertThat(first.get("sequence").asLong()).isZero();
        }

        int pagesOfTheWholeTrail = EVENTS / BATCH;
        assertThat(pagesReadWhenTheFirstLineArrived).isLessThan(pagesOfTheWholeTrail / 2);
        AtomicInteger seen = new AtomicInteger(-1);
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> seen.getAndSet(count("find")) == count("find"));
        assertThat(count("find")).as("pages read before the export noticed the client had gone")
                .isLessThan(pagesOfTheWholeTrail);
        assertThat(count("getMore")).as("each page a query of its own, no cursor kept open").isZero();
    }

    private HttpResponse<Stream<String>> export() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/events"))
                .header("Accept", "application/x-ndjson")
                .header("Authorization", RawHttp.basic("dave"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private int count(String command) {
        return mongoCommands.getOrDefault(command, new AtomicInteger()).get();
    }

    private static String key(JsonNode item) {
        return item.get("time").asText() + "|" + item.get("aggregateId").asText() + "|"
                + String.format("%09d", item.get("sequence").asLong());
    }

    private static JsonNode parse(String line) {
        try {
            return TestJson.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** Counts the commands the service sends to MongoDB, by name. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountedMongoCommands {

        @Bean
        Map<String, AtomicInteger> mongoCommands() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countingCommands(Map<String, AtomicInteger> mongoCommands) {
            CommandListener counter = new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    mongoCommands.computeIfAbsent(event.getCommandName(), name -> new AtomicInteger()).incrementAndGet();
                }
            };
            return settings -> settings.addCommandListener(counter);
        }
    }
}
