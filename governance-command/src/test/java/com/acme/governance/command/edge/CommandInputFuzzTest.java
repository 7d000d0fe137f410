package com.acme.governance.command.edge;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.Hostile;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.RawHttp.Response;
import com.acme.governance.edge.testing.RawHttp;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based test of the write side's edge over real HTTP: thousands of generated hostile requests (bodies, headers,
 * ids, query strings) at every command endpoint. Whatever comes in, the answer is never a 5xx, every refusal is an
 * RFC 9457 problem whose type is one of {@link ProblemTypes}, and a refused request stored no event (the event store
 * is counted before and after each request). {@code -Dfuzz.tries=N} sets the number of requests (default 1500),
 * {@code -Dfuzz.seed=S} replays a run.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s", "axon.update-check.disabled=true",
                "governance.command.catalog-wait=100ms", "logging.level.com.acme.governance=OFF", "logging.level.com.acme.governance.command.web.CommandProblemHandler=ERROR",
                "logging.level.com.acme.governance.edge.web.ProblemErrorReportValve=ERROR",
                "logging.level.org.apache.catalina=ERROR", "logging.level.org.apache.coyote=ERROR"})
class CommandInputFuzzTest {

    private static final int TRIES = Integer.getInteger("fuzz.tries", 1500);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L); // fixed, so a run is repeatable; pass another to explore
    private static final Set<String> TYPES = problemTypes();
    private static final Pattern SYSTEM_ACTOR = Pattern.compile("\"(rejectedBy|revokedBy)\":\"system\"");

    private static final String PRODUCT = """
            {"domain": "sales", "name": "fuzzed", "title": "Orders", "description": "Every order placed",
             "ownerTeam": "sales", "classification": "CONFIDENTIAL", "tags": ["pii"],
             "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.orders.v1"}]}""";
    private static final String UPDATE = """
            {"title": "Orders", "description": "Every order", "classification": "INTERNAL", "tags": ["pii"],
             "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.orders.v1"}]}""";
    private static final String CONTRACT = """
            {"version": "1.0.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
             "properties": {"id": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}}""";
    private static final String POLICY = """
            {"id": "fuzzed", "name": "Confidential data", "scope": {"domain": null},
             "rules": [{"when": {"classifications": ["CONFIDENTIAL", "RESTRICTED"], "tags": []},
                        "then": {"requiredApprovals": ["OWNER", "STEWARD"], "maxGrantDays": 30, "purposeRequired": true}}]}""";
    private static final String AMEND = """
            {"name": "Confidential data", "scope": {"domain": "sales"}, "rationale": "tighter",
             "rules": [{"when": {"classifications": ["CONFIDENTIAL"], "tags": ["pii"]},
                        "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 10, "purposeRequired": false}}]}""";
    private static final String ACCESS = """
            {"dataProductId": "sales.target", "consumerTeam": "marketing", "purpose": "campaign attribution",
             "durationDays": 30}""";
    private static final String REASON = "{\"reason\": \"superseded by sales.orders-v2\"}";

    /** Every command endpoint: method, path with {id}, the kind of id, a valid body (null: none). */
    private record Endpoint(String method, String path, String idKind, String body) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/data-products", null, PRODUCT),
            new Endpoint("PUT", "/api/v1/data-products/{id}", "product", UPDATE),
            new Endpoint("POST", "/api/v1/data-products/{id}/contracts", "product", CONTRACT),
            new Endpoint("POST", "/api/v1/data-products/{id}/publish", "product", null),
            new Endpoint("POST", "/api/v1/data-products/{id}/deprecate", "product", REASON),
            new Endpoint("POST", "/api/v1/data-products/{id}/retire", "product", REASON),
            new Endpoint("POST", "/api/v1/policies", null, POLICY),
            new Endpoint("PUT", "/api/v1/policies/{id}", "policy", AMEND),
            new Endpoint("POST", "/api/v1/policies/{id}/retire", "policy", REASON),
            new Endpoint("POST", "/api/v1/access-requests", null, ACCESS),
            new Endpoint("POST", "/api/v1/access-requests/{id}/approve", "request", null),
            new Endpoint("POST", "/api/v1/access-requests/{id}/reject", "request", REASON),
            new Endpoint("POST", "/api/v1/access-requests/{id}/withdraw", "request", null),
            new Endpoint("POST", "/api/v1/access-grants/{id}/revoke", "request", REASON));

    @LocalServerPort
    private int port;
    @Autowired
    private MongoClient mongo;

    @Test
    void noHostileRequestGetsA5xxOrAnythingButAProblemOrStoresAnEventWhenRefused() throws Exception {
        RawHttp http = new RawHttp(port);
        Map<String, String> ids = existingAggregates(http);
        Hostile hostile = new Hostile(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int refused = 0;
        long httpNanos = 0;
        long countNanos = 0;
        for (int i = 0; i < TRIES; i++) {
            Endpoint endpoint = hostile.oneOf(ENDPOINTS);
            String path = endpoint.path();
            if (endpoint.idKind() != null) {
                path = path.replace("{id}", hostile.id(ids.get(endpoint.idKind())));
            }
            path += hostile.query();
            String method = hostile.chance(0.03) ? hostile.oneOf(List.of("GET", "DELETE", "PATCH", "OPTIONS", "HEAD",
                    "TRACE", "FOO")) : endpoint.method();
            byte[] body = endpoint.body() == null ? (hostile.chance(0.7) ? null : hostile.body("{\"reason\": \"x\"}"))
                    : hostile.body(endpoint.body());
            Map<String, String> headers = headers(hostile);
            String request = describe(i, method, path, headers, body);

            long counting = System.nanoTime();
            long before = events();
            long started = System.nanoTime();
            countNanos += started - counting;
            Response response = body == null && hostile.chance(0.5) ? http.send(method, path, headers, null)
                    : hostile.chance(0.1) ? http.chunked(method, path, headers, body == null ? new byte[0] : body)
                    : http.send(method, path, headers, body == null ? new byte[0] : body);
            long millis = (System.nanoTime() - started) / 1_000_000;
            httpNanos += System.nanoTime() - started;
            if (millis > 1000) {
                System.out.printf("Command fuzz: slow (%d ms) %s -> %d%n", millis, request, response.status());
            }
            long after = events();
            statuses.merge(response.status(), 1, Integer::sum);

            assertThat(response.status()).as("5xx for %s -> %s", request, response).isLessThan(500);
            if (response.status() >= 400) {
                refused++;
                assertThat(after).as("events stored by the refused %s -> %s; latest event %s", request, response,
                        after == before ? "" : latestEvent()).isEqualTo(before);
                if (!method.equals("HEAD")) {
                    assertThat(response.contentType()).as("content type for %s -> %s", request, response)
                            .startsWith("application/problem+json");
                    assertThat(response.json().path("type").asText()).as("type for %s -> %s", request, response)
                            .isIn(TYPES);
                    assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
                }
            }
        }
        System.out.printf("Command fuzz, seed %d: %d requests (%d ms answering, %d ms counting events), %d refused, "
                + "statuses %s%n", SEED, TRIES, httpNanos / 1_000_000, countNanos / 1_000_000, refused, statuses);
        assertThat(refused).as("a fuzz run that refuses nothing tests nothing").isGreaterThan(TRIES / 2);
    }

    private Map<String, String> headers(Hostile hostile) {
        Map<String, String> headers = new LinkedHashMap<>();
        String user = hostile.oneOf(List.of("alice", "alice", "alice", "carol", "carol", "bob", "nobody", "none"));
        if (!user.equals("none")) {
            headers.put("Authorization", hostile.chance(0.03) ? "Basic " + hostile.headerValue(List.of("!!", "Og=="))
                    : RawHttp.basic(user));
        }
        if (hostile.chance(0.8)) {
            headers.put("Content-Type", "application/json");
        } else if (hostile.chance(0.7)) {
            headers.put("Content-Type", hostile.headerValue(List.of("application/json", "application/json",
                    "application/json", "application/json; charset=UTF-8", "text/plain", "application/xml",
                    "application/json; charset=UTF-16", "application/problem+json", "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded", "application/*", "", "json")));
        }
        if (hostile.chance(0.3)) {
            headers.put("Accept", hostile.headerValue(List.of("*/*", "application/json", "application/xml",
                    "text/html", "application/problem+json", "application/*", "text/*;q=0.1, application/json",
                    "", "garbage", "*/*;q=abc")));
        }
        if (hostile.chance(0.3)) {
            headers.put("If-Match", hostile.headerValue(List.of("*", "\"1\"", "W/\"1\"", "1", "\"abc\"", "\"\"",
                    "\"99999999999999999999\"", "\"-1\"", "\"1\", \"2\"")));
        }
        if (hostile.chance(0.3)) {
            headers.put("Idempotency-Key", hostile.headerValue(List.of("k1", "", "x".repeat(500),
                    "6a3e0f3c-9b1a-4d52-8e21-3c1b0e6f2a10")));
        }
        if (hostile.chance(0.1)) {
            headers.put("X-Governance-Token", hostile.headerValue(List.of("sales.orders:1", "x", ":", "a:b:c")));
        }
        return headers;
    }

    /** A product, a policy and an access request to aim at, so that ids also hit aggregates that exist. */
    private static Map<String, String> existingAggregates(RawHttp http) throws Exception {
        Map<String, String> json = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        json.put("Authorization", RawHttp.basic("alice"));
        assertThat(http.send("POST", "/api/v1/data-products", json, PRODUCT.replace("fuzzed", "target")
                .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(http.send("POST", "/api/v1/data-products/sales.target/publish", json, new byte[0]).status())
                .isEqualTo(200);
        Response request = http.send("POST", "/api/v1/access-requests", Map.of("Content-Type", "application/json",
                "Authorization", RawHttp.basic("bob")), ACCESS.getBytes(StandardCharsets.UTF_8));
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        Response policy = http.send("POST", "/api/v1/policies", Map.of("Content-Type", "application/json",
                "Authorization", RawHttp.basic("carol")), POLICY.replace("fuzzed", "target").getBytes(StandardCharsets.UTF_8));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        return Map.of("product", "sales.target", "policy", "target", "request", request.json().path("id").asText());
    }

    /**
     * Events recorded on behalf of a caller. Decisions of the system itself (a saga closing the access requests of a
     * product that an earlier request retired) are left out: they are stored asynchronously, at any moment. They are
     * told by their payload, which names the system as the one who decided.
     */
    private long events() {
        long count = 0;
        for (Document event : mongo.getDatabase("governance_events").getCollection("domainevents").find()
                .projection(Projections.include("serializedPayload"))) {
            if (!SYSTEM_ACTOR.matcher(String.valueOf(event.get("serializedPayload"))).find()) {
                count++;
            }
        }
        return count;
    }

    private String latestEvent() {
        Document latest = mongo.getDatabase("governance_events").getCollection("domainevents").find()
                .sort(new Document("_id", -1)).first();
        return latest == null ? "none" : latest.toJson();
    }

    private static String describe(int i, String method, String path, Map<String, String> headers, byte[] body) {
        String shownBody = body == null ? "(none)" : new String(Arrays.copyOf(body, Math.min(body.length, 400)),
                StandardCharsets.UTF_8) + (body.length > 400 ? "... (" + body.length + " bytes)" : "");
        return "try " + i + " of seed " + SEED + ": " + method + " " + path.substring(0, Math.min(path.length(), 300))
                + " " + headers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().substring(0,
                Math.min(e.getValue().length(), 100))).collect(Collectors.joining(", ")) + " body " + shownBody;
    }

    private static Set<String> problemTypes() {
        return Arrays.stream(ProblemTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == URI.class)
                .map(CommandInputFuzzTest::value).collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return field.get(null).toString();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
