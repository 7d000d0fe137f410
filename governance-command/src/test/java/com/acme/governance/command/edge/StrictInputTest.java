package com.acme.governance.command.edge;

import com.acme.governance.api.Limits;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.RawHttp.Response;
import com.acme.governance.edge.testing.RawHttp;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.acme.governance.edge.testing.ProblemAssertions.assertClientProblem;
import static com.acme.governance.edge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's bad input, one fixed example each, over real HTTP through Tomcat: every answer is a problem with a stable
 * type and the offending field, and none stored an event. Kafka is unreachable on purpose (commands do not need it).
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s", "axon.update-check.disabled=true"})
class StrictInputTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    private int port;
    @Autowired
    private MongoClient mongo;

    private RawHttp http;
    private long eventsBefore;

    @BeforeEach
    void countEvents() {
        http = new RawHttp(port);
        eventsBefore = events();
    }

    // --- duplicate keys -------------------------------------------------------------------------------------------

    @Test
    void duplicateKeyIsRefusedNamingTheKey() throws Exception {
        String body = product(unique()).replace("\"title\": \"Orders\"", "\"title\": \"Orders\", \"title\": \"Other\"");
        assertInvalid(post("/api/v1/data-products", "alice", body), "title");
    }

    @Test
    void duplicateKeyInsideAListElementIsRefused() throws Exception {
        String body = product(unique()).replace("{\"name\": \"events\",", "{\"name\": \"events\", \"name\": \"more\",");
        assertInvalid(post("/api/v1/data-products", "alice", body), "outputPorts[0].name");
    }

    @Test
    void duplicateKeyInsideASchemaIsRefused() throws Exception {
        String id = registered();
        assertInvalid(post("/api/v1/data-products/" + id + "/contracts", "alice",
                contract("{\"type\": \"object\", \"type\": \"string\"}")), "schema.type");
    }

    @Test
    void duplicateKeyOnAPolicyIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique()).replace("\"name\": \"A policy\",",
                "\"name\": \"A policy\", \"name\": \"Another\",")), "name");
    }

    // --- nulls in lists -------------------------------------------------------------------------------------------

    @Test
    void nullOutputPortIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique())
                .replaceFirst("\"outputPorts\": \\[.*]}", "\"outputPorts\": [null]}")), "outputPorts[0]");
    }

    @Test
    void nullTagIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique())
                .replace("\"tags\": [\"pii\"]", "\"tags\": [\"pii\", null]")), "tags[1]");
    }

    @Test
    void nullRuleIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", "{\"id\": \"" + unique() + "\", \"name\": \"A\", \"rules\": [null]}"),
                "rules[0]");
    }

    @Test
    void nullClassificationIsRefusedRatherThanMeaningAnyClassification() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique()).replace("[\"CONFIDENTIAL\"]", "[null]")),
                "rules[0].when.classifications[0]");
    }

    @Test
    void nullRequiredApprovalIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique()).replace("[\"OWNER\"]", "[\"OWNER\", null]")),
                "rules[0].then.requiredApprovals[1]");
    }

    @Test
    void nullRuleTagIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique()).replace("\"tags\": []", "\"tags\": [null]")),
                "rules[0].when.tags[0]");
    }

    // --- wrong scalar types ---------------------------------------------------------------------------------------

    @Test
    void numberForATitleIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique())
                .replace("\"title\": \"Orders\"", "\"title\": 123")), "title");
    }

    @Test
    void booleanForADomainIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique())
                .replace("\"domain\": \"sales\"", "\"domain\": true")), "domain");
    }

    @Test
    void numberForAFlagIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique())
                .replace("\"purposeRequired\": true", "\"purposeRequired\": 123")), "rules[0].then.purposeRequired");
    }

    @Test
    void fractionalDaysAreRefusedNotTruncated() throws Exception {
        assertInvalid(post("/api/v1/access-requests", "alice", "{\"dataProductId\": \"sales.orders\", "
                + "\"consumerTeam\": \"sales\", \"purpose\": \"x\", \"durationDays\": 1.5}"), "durationDays");
    }

    @Test
    void numericStringForANumberIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique())
                .replace("\"maxGrantDays\": 30", "\"maxGrantDays\": \"30\"")), "rules[0].then.maxGrantDays");
    }

    @Test
    void nullForANumberIsRefused() throws Exception {
        assertInvalid(post("/api/v1/policies", "carol", policy(unique())
                .replace("\"maxGrantDays\": 30", "\"maxGrantDays\": null")), "rules[0].then.maxGrantDays");
    }

    @Test
    void enumByIndexIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique())
                .replace("\"CONFIDENTIAL\"", "2")), "classification");
    }

    @Test
    void hugeNumberIsRefused() throws Exception {
        assertInvalid(post("/api/v1/access-requests", "alice", "{\"dataProductId\": \"sales.orders\", "
                + "\"consumerTeam\": \"sales\", \"durationDays\": 99999999999999999999}"), "durationDays");
    }

    @Test
    void unknownFieldIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique())
                .replace("\"title\": \"Orders\"", "\"title\": \"Orders\", \"colour\": \"red\"")), "colour");
    }

    @Test
    void trailingContentIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", product(unique()) + " {}"), "body");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        assertInvalid(post("/api/v1/data-products", "alice", "[]"), "body");
        assertInvalid(post("/api/v1/data-products", "alice", "null"), "body");
        assertInvalid(post("/api/v1/data-products/" + registered() + "/deprecate", "alice", ""), "body");
    }

    // --- limits ---------------------------------------------------------------------------------------------------

    @Test
    void bodyOverTheLimitIsRefusedByItsLengthBeforeItIsRead() throws Exception {
        Response response = http.announce("POST", "/api/v1/data-products", jsonAs("alice"),
                "{\"domain\": \"".getBytes(StandardCharsets.UTF_8), 20L * 1024 * 1024);
        assertProblem(response, 413, ProblemTypes.PAYLOAD_TOO_LARGE);
        assertNoEventStored();
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        String body = product(unique()) + " ".repeat(Limits.REQUEST_BODY_BYTES); // within every other limit
        Response response = http.chunked("POST", "/api/v1/data-products", jsonAs("alice"),
                body.getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 413, ProblemTypes.PAYLOAD_TOO_LARGE);
        assertNoEventStored();
    }

    @Test
    void chunkedBodyOverTheLimitWithAnIdempotencyKeyIsRefusedToo() throws Exception {
        // the idempotency buffer reads the body in a filter, outside Spring MVC's handlers
        String body = product(unique()) + " ".repeat(Limits.REQUEST_BODY_BYTES);
        Map<String, String> headers = new java.util.HashMap<>(jsonAs("alice"));
        headers.put("Idempotency-Key", "chunked-" + unique());
        Response response = http.chunked("POST", "/api/v1/data-products", headers,
                body.getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 413, ProblemTypes.PAYLOAD_TOO_LARGE);
        assertNoEventStored();
    }

    @Test
    void stringOverTheParserLimitIsRefused() throws Exception {
        Response response = post("/api/v1/data-products", "alice", product(unique()).replace("\"Every order placed\"",
                "\"" + "x".repeat(Limits.JSON_STRING_CHARS + 1) + "\""));
        assertInvalid(response, "description");
        assertThat(response.json().at("/errors/0/message").asText()).contains("exceeds a limit");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws Exception {
        String id = registered();
        String deep = "{\"a\": ".repeat(Limits.JSON_NESTING_DEPTH) + "1" + "}".repeat(Limits.JSON_NESTING_DEPTH);
        assertInvalid(post("/api/v1/data-products/" + id + "/contracts", "alice", contract(deep)), "schema");
    }

    @Test
    void schemaOverItsLimitInBytesIsRefusedThoughWithinTheCharacterLimits() throws Exception {
        String id = registered();
        String fourByteCharacters = "\uD83D\uDE00".repeat(30_000); // 60,000 chars, 120,000 bytes in UTF-8
        StringBuilder schema = new StringBuilder("{\"type\": \"object\", \"properties\": {");
        for (int i = 0; i < 3; i++) {
            schema.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": {\"type\": \"string\", ")
                    .append("\"description\": \"").append(fourByteCharacters).append("\"}");
        }
        schema.append("}}");
        Response response = post("/api/v1/data-products/" + id + "/contracts", "alice", contract(schema.toString()));
        assertInvalid(response, "schema");
        assertThat(response.json().at("/errors/0/message").asText()).contains("bytes");
    }

    @Test
    void schemaArrayOverItsLimitIsRefused() throws Exception {
        String id = registered();
        String values = "\"v\",".repeat(Limits.SCHEMA_ARRAY_ELEMENTS) + "\"w\"";
        assertInvalid(post("/api/v1/data-products/" + id + "/contracts", "alice",
                contract("{\"type\": \"string\", \"enum\": [" + values + "]}")), "schema");
    }

    // --- JSON Schema validity -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"object\", \"properties\": 123}",
            "{\"type\": \"strnig\"}",
            "{\"type\": \"object\", \"required\": \"id\"}",
            "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": 5}}}",
            "{\"$schema\": \"https://example.com/my-own-dialect\", \"type\": \"object\"}",
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\", \"minProperties\": -1}",
    })
    void invalidJsonSchemaIsRefusedBeforeAnyComparison(String schema) throws Exception {
        String id = registered();
        Response response = post("/api/v1/data-products/" + id + "/contracts", "alice", contract(schema));
        assertInvalid(response, "schema");
    }

    @Test
    void validJsonSchemasOfEachDialectAreAccepted() throws Exception {
        String id = registered();
        assertThat(post("/api/v1/data-products/" + id + "/contracts", "alice",
                contract("{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\": \"string\"}}}"))
                .status()).isEqualTo(201);
        assertThat(post("/api/v1/data-products/" + id + "/contracts", "alice", contract("1.1.0",
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\", \"required\": [\"id\"],"
                        + " \"properties\": {\"id\": {\"type\": \"string\"}, \"note\": {\"type\": [\"string\", \"null\"],"
                        + " \"default\": null}}}")).status()).isEqualTo(201);
    }

    // --- content negotiation, before the command runs -------------------------------------------------------------

    @Test
    void unacceptableAcceptIsRefusedWithoutRunningTheCommand() throws Exception {
        Map<String, String> headers = jsonAs("alice");
        headers.put("Accept", "application/xml");
        Response response = http.send("POST", "/api/v1/data-products", headers,
                product(unique()).getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 406, ProblemTypes.NOT_ACCEPTABLE);
        assertNoEventStored();
    }

    @Test
    void unacceptableAcceptOnALifecycleCommandLeavesTheProductAsItWas() throws Exception {
        String id = registered();
        Map<String, String> headers = jsonAs("alice");
        headers.put("Accept", "text/html");
        assertProblem(http.send("POST", "/api/v1/data-products/" + id + "/publish", headers, new byte[0]),
                406, ProblemTypes.NOT_ACCEPTABLE);
        assertNoEventStored();
    }

    @Test
    void malformedAcceptIsRefusedWithoutRunningTheCommand() throws Exception {
        Map<String, String> headers = jsonAs("alice");
        headers.put("Accept", "no/such/thing;;");
        Response response = http.send("POST", "/api/v1/data-products", headers,
                product(unique()).getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isIn(400, 406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertNoEventStored();
    }

    @Test
    void quotedMediaTypesAreRefusedWithoutRunningTheCommand() throws Exception {
        Map<String, String> headers = jsonAs("alice");
        headers.put("Accept", "\"application/json\"");
        assertProblem(http.send("POST", "/api/v1/data-products", headers,
                product(unique()).getBytes(StandardCharsets.UTF_8)), 406, ProblemTypes.NOT_ACCEPTABLE);
        headers = jsonAs("alice");
        headers.put("Content-Type", "\"application/json\"");
        assertProblem(http.send("POST", "/api/v1/data-products", headers,
                product(unique()).getBytes(StandardCharsets.UTF_8)), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        assertNoEventStored();
    }

    // CommandInputFuzzTest found it (seed 8611010178021, try 509): a form body Spring's form filter cannot decode
    @Test
    void undecodableFormBodyIsUnsupportedNot500() throws Exception {
        Map<String, String> headers = jsonAs("bob");
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        assertProblem(http.send("PUT", "/api/v1/policies/target", headers,
                new byte[] {(byte) 0xc6, (byte) 0x92, (byte) 0xd8, '%', 'z', (byte) 0xea, '=', (byte) 0xff}),
                415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        assertNoEventStored();
    }

    @Test
    void unsupportedContentTypeIsRefusedWithoutRunningTheCommand() throws Exception {
        Map<String, String> headers = jsonAs("alice");
        headers.put("Content-Type", "text/plain");
        assertProblem(http.send("POST", "/api/v1/data-products", headers,
                product(unique()).getBytes(StandardCharsets.UTF_8)), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        headers.put("Content-Type", "application/xml");
        assertProblem(http.send("POST", "/api/v1/data-products", headers,
                product(unique()).getBytes(StandardCharsets.UTF_8)), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        assertNoEventStored();
    }

    // --- the container's and Spring's error path ------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/data-products/%",
            "/api/v1/data-products/%zz/publish",
            "//..;",
            "/api/v1/data-products/sales%2Forders/publish",
            "/api/v1/data-products/sales.orders;jsessionid=1/publish",
            "/api/v1/data-products/..%2F..%2Fetc/publish",
            "/api/v1/data-products/%00/publish",
            "/api/v1/data-products/sales\\orders/publish",
            "/../../etc/passwd",
    })
    void malformedPathIsAProblemNotTomcatsPage(String path) throws Exception {
        Response response = http.send("POST", path, jsonAs("alice"), "{}".getBytes(StandardCharsets.UTF_8));
        assertClientProblem(response, ProblemTypes.MALFORMED_REQUEST, ProblemTypes.INVALID_INPUT,
                ProblemTypes.NOT_FOUND);
        assertNoEventStored();
    }

    @Test
    void errorPathRequestedDirectlyIsNotFoundNot500() throws Exception {
        assertProblem(http.send("GET", "/error", Map.of("Authorization", RawHttp.basic("alice")), null),
                404, ProblemTypes.NOT_FOUND);
        assertProblem(http.send("POST", "/error", jsonAs("alice"), "{}".getBytes(StandardCharsets.UTF_8)),
                404, ProblemTypes.NOT_FOUND);
        assertProblem(http.send("GET", "/error", Map.of("Accept", "text/html"), null), 401, ProblemTypes.UNAUTHENTICATED);
    }

    @Test
    void headersTooLargeAreAProblem() throws Exception {
        Map<String, String> headers = jsonAs("alice");
        headers.put("X-Junk", "j".repeat(20_000));
        Response response = http.send("POST", "/api/v1/data-products", headers, "{}".getBytes(StandardCharsets.UTF_8));
        assertClientProblem(response);
    }

    @Test
    void authenticationAndAuthorizationFailuresAreProblems() throws Exception {
        Map<String, String> html = new LinkedHashMap<>(Map.of("Accept", "text/html", "Content-Type", "application/json"));
        assertProblem(http.send("POST", "/api/v1/data-products", html, product(unique()).getBytes(StandardCharsets.UTF_8)),
                401, ProblemTypes.UNAUTHENTICATED);
        Map<String, String> json = jsonAs("alice"); // (text/html would be refused as 406 before the permission check)
        assertProblem(http.send("POST", "/api/v1/policies", json, policy(unique()).getBytes(StandardCharsets.UTF_8)),
                403, ProblemTypes.FORBIDDEN);
        assertNoEventStored();
    }

    @Test
    void wrongMethodAndUnknownPathAreProblems() throws Exception {
        assertProblem(http.send("DELETE", "/api/v1/data-products", jsonAs("alice"), null),
                405, ProblemTypes.METHOD_NOT_ALLOWED);
        assertProblem(http.send("POST", "/api/v1/nothing-here", jsonAs("alice"), "{}".getBytes(StandardCharsets.UTF_8)),
                404, ProblemTypes.NOT_FOUND);
    }

    // --- support --------------------------------------------------------------------------------------------------

    private void assertInvalid(Response response, String field) {
        assertProblem(response, 400, ProblemTypes.INVALID_INPUT);
        assertThat(response.json().at("/errors/0/field").asText()).as(response.toString()).isEqualTo(field);
        assertThat(response.json().at("/errors/0/message").asText()).isNotBlank();
        assertNoEventStored();
    }

    private void assertNoEventStored() {
        assertThat(events()).as("events stored by a refused request").isEqualTo(eventsBefore);
    }

    private long events() {
        return mongo.getDatabase("governance_events").getCollection("domainevents").countDocuments();
    }

    private Response post(String path, String user, String body) throws IOException {
        return http.send("POST", path, jsonAs(user), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> jsonAs(String user) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", RawHttp.basic(user));
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** A registered product, with the events of its registration counted as before the test. */
    private String registered() throws IOException {
        String name = unique();
        Response response = post("/api/v1/data-products", "alice", product(name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        eventsBefore = events();
        return "sales." + name;
    }

    private static String unique() {
        return "p" + NAMES.incrementAndGet();
    }

    private static String product(String name) {
        return """
                {"domain": "sales", "name": "%s", "title": "Orders", "description": "Every order placed",
                 "ownerTeam": "sales", "classification": "CONFIDENTIAL", "tags": ["pii"],
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.orders.v1"}]}"""
                .formatted(name);
    }

    private static String contract(String schema) {
        return contract("1.0.0", schema);
    }

    private static String contract(String version, String schema) {
        return "{\"version\": \"" + version + "\", \"schemaType\": \"JSON_SCHEMA\", \"schema\": " + schema + "}";
    }

    private static String policy(String id) {
        return """
                {"id": "%s", "name": "A policy", "scope": {"domain": null},
                 "rules": [{"when": {"classifications": ["CONFIDENTIAL"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 30, "purposeRequired": true}}]}"""
                .formatted(id);
    }
}
