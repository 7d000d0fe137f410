package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail end to end: decisions taken over HTTP, sealed by the command side, relayed as CloudEvents through
 * a real broker, projected by the query side, and read back by an auditor, page and NDJSON alike, with every item's
 * hash recomputable from the item alone.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIT extends LocalStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCT = """
            {"domain": "logistics", "name": "shipments", "title": "Shipments", "description": "Every parcel sent",
             "ownerTeam": "logistics", "classification": "INTERNAL", "tags": [],
             "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "logistics.shipments.v1"}]}
            """;

    @LocalServerPort
    private int port;

    @Test
    void anAuditorReadsTheRelayedHistoryAndEveryHashRecomputes() throws Exception {
        Api api = new Api(port);
        assertThat(api.as("erin").post("/api/v1/data-products", PRODUCT).status()).isEqualTo(201);
        Api.Response published = api.as("erin").post("/api/v1/data-products/logistics.shipments/publish", "");
        assertThat(published.status()).isEqualTo(200);

        Api.Response page = api.as("dave").getAfter(published, "/api/v1/audit/events?aggregateId=logistics.shipments");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> items = StreamSupport.stream(page.json().path("items").spliterator(), false).toList();

        assertThat(items).extracting(item -> item.path("type").asText())
                .containsExactly("governance.dataproduct.registered.v2", "governance.dataproduct.published.v1");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.path("aggregateType").asText()).isEqualTo("DataProduct");
            // the revision the type names: registered is of revision 2 since the compatibility mode (ADR 0048)
            assertThat(item.path("type").asText()).endsWith(".v" + item.path("revision").asText());
            assertThat(item.path("principal").asText()).isEqualTo("erin");
            assertThat(item.path("issuer").asText()).isEqualTo("urn:governance:local-users");
            assertThat(item.path("hash").asText()).isEqualTo(AuditTrailItems.recomputedHash(item));
        });
        assertThat(items.get(1).path("previousHash").asText()).isEqualTo(items.get(0).path("hash").asText());
        assertThat(page.json().path("next").isNull()).isTrue();

        HttpResponse<String> export = ndjson("dave", "/api/v1/audit/events?aggregateId=logistics.shipments");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().map(AuditTrailIT::parse).toList()).containsExactlyElementsOf(items);

        assertThat(api.as("erin").get("/api/v1/audit/events").status()).isEqualTo(403);
    }

    private HttpResponse<String> ndjson(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/x-ndjson")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
