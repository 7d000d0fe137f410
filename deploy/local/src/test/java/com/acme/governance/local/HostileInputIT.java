package com.acme.governance.local;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.testing.RawHttp.Response;
import com.acme.governance.edge.testing.RawHttp;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.acme.governance.edge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's bad input against the combined application, where both sides share one servlet context and exactly one
 * of the two identical edges is installed: refused before any work, as problems, with no event stored.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT extends LocalStackSupport {

    private static final String PRODUCT = """
            {"domain": "sales", "name": "%s", "title": "Orders", "description": "Every order placed",
             "ownerTeam": "sales", "classification": "CONFIDENTIAL", "tags": ["pii"],
             "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.orders.v1"}]}""";

    @LocalServerPort
    private int port;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private ApplicationContext context;

    @Test
    void oneEdgeIsInstalledForBothSides() {
        assertThat(context.getBeansOfType(ErrorController.class)).hasSize(1);
        assertThat(context.getBeansOfType(MappingJackson2HttpMessageConverter.class)).hasSize(1);
        assertThat(context.getBeansOfType(RequestRejectedHandler.class)).hasSize(1);
        assertThat(context.containsBean("requestBodyLimitFilter")).isTrue();
        assertThat(context.containsBean("mediaTypeHeaderFilter")).isTrue();
    }

    @Test
    void badBodiesAreRefusedWithTheirFieldAndStoreNothing() throws Exception {
        RawHttp http = new RawHttp(port);
        long before = events();
        Response duplicate = http.send("POST", "/api/v1/data-products", json(),
                bytes(PRODUCT.formatted("dup").replace("\"title\": \"Orders\"", "\"title\": \"A\", \"title\": \"B\"")));
        assertProblem(duplicate, 400, ProblemTypes.INVALID_INPUT);
        assertThat(duplicate.json().at("/errors/0/field").asText()).isEqualTo("title");
        Response nullPort = http.send("POST", "/api/v1/data-products", json(),
                bytes(PRODUCT.formatted("nulls").replaceFirst("\"outputPorts\": \\[.*]}", "\"outputPorts\": [null]}")));
        assertProblem(nullPort, 400, ProblemTypes.INVALID_INPUT);
        assertThat(nullPort.json().at("/errors/0/field").asText()).isEqualTo("outputPorts[0]");
        Response fractional = http.send("POST", "/api/v1/access-requests", json(), bytes(
                "{\"dataProductId\": \"sales.orders\", \"consumerTeam\": \"sales\", \"durationDays\": 1.5}"));
        assertProblem(fractional, 400, ProblemTypes.INVALID_INPUT);
        assertThat(fractional.json().at("/errors/0/field").asText()).isEqualTo("durationDays");
        assertProblem(http.announce("POST", "/api/v1/data-products", json(), bytes("{"), 20L * 1024 * 1024),
                413, ProblemTypes.PAYLOAD_TOO_LARGE);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void invalidJsonSchemaIsRefused() throws Exception {
        RawHttp http = new RawHttp(port);
        assertThat(http.send("POST", "/api/v1/data-products", json(), bytes(PRODUCT.formatted("schemas"))).status())
                .isEqualTo(201);
        long before = events();
        Response response = http.send("POST", "/api/v1/data-products/sales.schemas/contracts", json(), bytes(
                "{\"version\": \"1.0.0\", \"schemaType\": \"JSON_SCHEMA\", \"schema\": {\"properties\": 123}}"));
        assertProblem(response, 400, ProblemTypes.INVALID_INPUT);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("schema");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unacceptableCommandIsRefusedBeforeItRuns() throws Exception {
        long before = events();
        Map<String, String> headers = json();
        headers.put("Accept", "application/xml");
        assertProblem(new RawHttp(port).send("POST", "/api/v1/data-products", headers, bytes(PRODUCT.formatted("xml"))),
                406, ProblemTypes.NOT_ACCEPTABLE);
        assertThat(events()).isEqualTo(before);
        Map<String, String> read = new LinkedHashMap<>(Map.of("Authorization", RawHttp.basic("alice")));
        assertProblem(new RawHttp(port).send("GET", "/api/v1/data-products/sales.xml", read, null),
                404, ProblemTypes.NOT_FOUND);
    }

    @Test
    void containerAndErrorPathAnswerProblemsOnBothSides() throws Exception {
        RawHttp http = new RawHttp(port);
        Map<String, String> alice = Map.of("Authorization", RawHttp.basic("alice"));
        for (String path : new String[]{"/api/v1/data-products/%", "//..;", "/api/v1/policies/a%2Fb",
                "/api/v1/access-requests/x;y=1"}) {
            for (String method : new String[]{"GET", "POST"}) {
                Response response = http.send(method, path, alice, method.equals("POST") ? bytes("{}") : null);
                assertThat(response.status()).as(path + " " + response).isBetween(400, 499);
                assertThat(response.contentType()).as(path + " " + response).startsWith("application/problem+json");
            }
        }
        assertProblem(http.send("GET", "/error", alice, null), 404, ProblemTypes.NOT_FOUND);
        assertProblem(http.send("GET", "/api/v1/data-products", Map.of("Accept", "text/html"), null),
                401, ProblemTypes.UNAUTHENTICATED);
    }

    private long events() {
        return mongo.getDatabase("governance_events").getCollection("domainevents").countDocuments();
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", RawHttp.basic("alice"));
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
