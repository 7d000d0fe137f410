package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization model, as a table: every REST endpoint and every GraphQL operation, as each local user and
 * anonymously, with what each gets. Read a row as the rule: who may do it (the status of success), who may not
 * (403, or FORBIDDEN), and that nobody anonymous gets anywhere (401). Each change is made on a resource of its own,
 * created for that cell, so that no cell depends on another.
 *
 * <p>The people: alice (team sales, the owner team of every product here), erin (sales and logistics), bob
 * (marketing, who asks for access), carol (data steward), dave (auditor), admin (operator).
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationTableIT extends LocalStackSupport {

    private static final List<String> PEOPLE = List.of("anonymous", "alice", "erin", "bob", "carol", "dave", "admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger FRESH = new AtomicInteger();
    private static final String TOKEN = "X-Governance-Token";
    /** An ODCS v3 contract of version 1.0.0 with one object of one required string property. */
    private static final String ODCS = """
            apiVersion: v3.1.0
            kind: DataContract
            id: authz-contract
            name: Authz
            version: 1.0.0
            status: draft
            schema:
              - name: Row
                logicalType: object
                properties:
                  - name: id
                    logicalType: string
                    physicalType: string
                    required: true
            """;
    private static final String ODCS_1_2 = ODCS.replace("version: 1.0.0", "version: 1.2.0");

    /** Per resource made here, the token of its last change: a read of it waits until the read side has it. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @LocalServerPort
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The signing key the local launcher would create, so that digests can be issued here too. */
    @DynamicPropertySource
    static void auditKeys(DynamicPropertyRegistry registry) throws IOException {
        TestAuditKeys.register(registry);
    }

    /** One cell's request: what to create first (as its owners), then what the person sends. */
    private record Cell(String method, String path, String body, Map<String, String> headers) {
    }

    /** A row: the operation, how to make a request for it, and per person the status (or GraphQL classification). */
    private record Row(String operation, Function<String, Cell> request, Map<String, Object> expected) {
    }

    /** {@code GET /audit/digest} answers the latest digest: there is one. */
    private void aDigestExists() {
        assertThat(send("dave", new Cell("POST", "/api/v1/audit/digests", null, Map.of())).statusCode())
                .isEqualTo(201);
    }

    @TestFactory
    Stream<DynamicTest> everyRestEndpointAsEveryone() {
        aDigestExists();
        String product = publishedProduct();
        String pending = pendingRequest(publishedProduct());
        String granted = grantedRequest(publishedProduct());
        String policy = policy();
        String contracted = contractedProduct();
        String contracts = "/api/v1/data-products/" + contracted + "/contracts";
        List<Row> rows = List.of(
                //                       anonymous alice erin bob carol dave admin
                read("GET /data-products", "/api/v1/data-products", all(200)),
                readOf("GET /data-products/{id}", "/api/v1/data-products/" + product, product, all(200)),
                readOf("GET /data-products/{id}/history", "/api/v1/data-products/" + product + "/history", product,
                        all(200)),
                readOf("GET /data-products/{id}/contracts/{version}", contracts + "/1.0.0", contracted, all(200)),
                readOf("GET /data-products/{id}/contracts/{a}/diff/{b}", contracts + "/1.0.0/diff/1.1.0", contracted,
                        all(200)),
                readOf("GET /data-products/{id}/contracts/{version}/odcs", contracts + "/1.1.0/odcs", contracted,
                        all(200)),
                readOf("GET /data-products/{id}/odps", "/api/v1/data-products/" + contracted + "/odps", contracted,
                        all(200)),
                read("GET /policies", "/api/v1/policies", all(200)),
                readOf("GET /policies/{id}", "/api/v1/policies/" + policy, policy, all(200)),
                readOf("GET /policies/{id}/versions", "/api/v1/policies/" + policy + "/versions", policy, all(200)),
                read("GET /access-requests", "/api/v1/access-requests", all(200)),
                readOf("GET /access-requests/{id}", "/api/v1/access-requests/" + pending, pending, all(200)),
                read("GET /access-grants", "/api/v1/access-grants", all(200)),
                readOf("GET /access-grants/{id}", "/api/v1/access-grants/" + granted, granted, all(200)),
                read("GET /audit/events", "/api/v1/audit/events", readers(200)),
                read("GET /audit/access-as-of", "/api/v1/audit/access-as-of?dataProductId=" + product
                        + "&at=2026-01-01T00:00:00Z", readers(200)),
                readOf("GET /audit/verify", "/api/v1/audit/verify?aggregateId=" + product, product, readers(200)),
                read("GET /audit/digest", "/api/v1/audit/digest", readers(200)),
                new Row("GET /audit/public-key", person -> new Cell("GET", "/api/v1/audit/public-key", null,
                        Map.of("Accept", "application/x-pem-file")), all(200)),
                read("GET /admin/projections", "/api/v1/admin/projections", operators(200)),
                read("GET /admin/parked-events", "/api/v1/admin/parked-events", operators(200)),
                read("GET /actuator/info", "/actuator/info", operators(200)),
                change("POST /data-products", person -> new Cell("POST", "/api/v1/data-products",
                        productBody(freshName()), Map.of()), ownerOrSteward(201)),
                change("PUT /data-products/{id}", person -> new Cell("PUT", "/api/v1/data-products/" + draftProduct(),
                        "{\"title\": \"T2\", \"classification\": \"INTERNAL\", \"tags\": [], \"outputPorts\": []}",
                        Map.of("If-Match", "\"1\"")), ownerOrSteward(200)),
                change("POST /data-products/{id}/contracts", person -> new Cell("POST", "/api/v1/data-products/"
                        + draftProduct() + "/contracts", "{\"version\": \"1.0.0\", \"schemaType\": \"JSON_SCHEMA\", "
                        + "\"schema\": {\"type\": \"object\"}}", Map.of()), ownerOrSteward(201)),
                change("POST /data-products/{id}/contracts (ODCS)", person -> new Cell("POST", "/api/v1/data-products/"
                        + draftProduct() + "/contracts", ODCS, Map.of("Content-Type", "application/yaml")),
                        ownerOrSteward(201)),
                change("POST /data-products/{id}/contracts:check", person -> new Cell("POST", contracts + ":check",
                        contractBody("1.2.0"), Map.of()), ownerOrSteward(200)),
                change("POST /data-products/{id}/contracts:check (ODCS)", person -> new Cell("POST",
                        contracts + ":check", ODCS_1_2, Map.of("Content-Type", "application/yaml")), ownerOrSteward(200)),
                change("PUT /data-products/{id}/compatibility-mode", person -> new Cell("PUT", "/api/v1/data-products/"
                        + draftProduct() + "/compatibility-mode", "{\"mode\": \"FULL\"}", Map.of()),
                        ownerOrSteward(200)),
                change("POST /data-products/{id}/publish", person -> new Cell("POST", "/api/v1/data-products/"
                        + draftProduct() + "/publish", null, Map.of()), ownerOrSteward(200)),
                change("POST /data-products/{id}/deprecate", person -> new Cell("POST", "/api/v1/data-products/"
                        + publishedProduct() + "/deprecate", "{\"reason\": \"r\"}", Map.of()), ownerOrSteward(200)),
                change("POST /data-products/{id}/retire", person -> new Cell("POST", "/api/v1/data-products/"
                        + draftProduct() + "/retire", "{\"reason\": \"r\"}", Map.of()), ownerOrSteward(200)),
                change("POST /policies", person -> new Cell("POST", "/api/v1/policies", policyBody(freshName()),
                        Map.of()), stewards(201)),
                change("PUT /policies/{id}", person -> new Cell("PUT", "/api/v1/policies/" + policy(),
                        amendmentBody(), Map.of("If-Match", "\"1\"")), stewards(200)),
                change("POST /policies/{id}/retire", person -> new Cell("POST", "/api/v1/policies/" + policy()
                        + "/retire", "{\"reason\": \"r\"}", Map.of("If-Match", "\"1\"")), stewards(200)),
                change("POST /access-requests", person -> new Cell("POST", "/api/v1/access-requests",
                        requestBody(publishedProduct()), Map.of()), only(201, "bob")),
                change("POST /access-requests/{id}/approve", person -> new Cell("POST", "/api/v1/access-requests/"
                        + pendingRequest(publishedProduct()) + "/approve", null, Map.of()), only(200, "alice", "erin")),
                change("POST /access-requests/{id}/reject", person -> new Cell("POST", "/api/v1/access-requests/"
                        + pendingRequest(publishedProduct()) + "/reject", "{\"reason\": \"r\"}", Map.of()),
                        only(200, "alice", "erin", "carol")),
                change("POST /access-requests/{id}/withdraw", person -> new Cell("POST", "/api/v1/access-requests/"
                        + pendingRequest(publishedProduct()) + "/withdraw", null, Map.of()), only(200, "bob")),
                change("POST /access-grants/{id}/revoke", person -> new Cell("POST", "/api/v1/access-grants/"
                        + grantedRequest(publishedProduct()) + "/revoke", "{\"reason\": \"r\"}", Map.of()),
                        ownerOrSteward(200)),
                change("POST /audit/digests", person -> new Cell("POST", "/api/v1/audit/digests", null, Map.of()),
                        only(201, "dave", "admin")),
                change("POST /admin/parked-events/retry", person -> new Cell("POST",
                        "/api/v1/admin/parked-events/retry", null, Map.of()), operators(200)),
                change("POST /admin/event-log/republish", person -> new Cell("POST",
                        "/api/v1/admin/event-log/republish", "{\"topic\": \"" + freshName() + "\"}", Map.of()),
                        operators(200)),
                change("POST /admin/acls/reconcile", person -> new Cell("POST", "/api/v1/admin/acls/reconcile", null,
                        Map.of()), operators(200)),
                // after the reconciliation above: there is a report to read
                read("GET /admin/acls/drift", "/api/v1/admin/acls/drift", operators(200)));
        return cells(rows);
    }

    @TestFactory
    Stream<DynamicTest> everyGraphQlOperationAsEveryone() {
        String product = publishedProduct();
        String pending = pendingRequest(publishedProduct());
        String granted = grantedRequest(publishedProduct());
        String policy = policy();
        String contracted = contractedProduct();
        List<Row> rows = List.of(
                graphQl("dataProducts", person -> "{ dataProducts { totalCount } }", all("data")),
                graphQlOf("dataProduct", "{ dataProduct(id: \"" + product + "\") { id } }", product, all("data")),
                graphQlOf("dataProduct contracts", "{ dataProduct(id: \"" + contracted + "\") { odps "
                        + "odcs(version: \"1.1.0\") contractVersion(version: \"1.0.0\") { references } "
                        + "contractDiff(from: \"1.0.0\", to: \"1.1.0\") { productMode } } }", contracted, all("data")),
                graphQl("policies", person -> "{ policies { totalCount } }", all("data")),
                graphQlOf("policy", "{ policy(id: \"" + policy + "\") { id } }", policy, all("data")),
                graphQl("accessRequests", person -> "{ accessRequests { totalCount } }", all("data")),
                graphQlOf("accessRequest", "{ accessRequest(id: \"" + pending + "\") { id } }", pending, all("data")),
                graphQl("accessGrants", person -> "{ accessGrants { totalCount } }", all("data")),
                graphQlOf("accessGrant", "{ accessGrant(id: \"" + granted + "\") { id } }", granted, all("data")),
                graphQl("auditEvents", person -> "{ auditEvents(first: 1) { edges { cursor } } }", readers("data")),
                graphQl("accessAsOf", person -> "{ accessAsOf(dataProductId: \"" + product
                        + "\", at: \"2026-01-01T00:00:00Z\") { totalCount } }", readers("data")),
                graphQl("registerDataProduct", person -> "mutation { registerDataProduct(input: {domain: \"authz\", "
                        + "name: \"" + freshName() + "\", title: \"T\", ownerTeam: \"sales\", classification: "
                        + "INTERNAL}) { id } }", ownerOrSteward("data")),
                graphQl("publishContractVersion", person -> "mutation { publishContractVersion(id: \""
                        + draftProduct() + "\", input: {version: \"1.0.0\", schemaType: JSON_SCHEMA, "
                        + "schema: {type: \"object\"}}) { id } }", ownerOrSteward("data")),
                graphQl("checkContractVersion", person -> "mutation { checkContractVersion(id: \"" + contracted
                        + "\", input: {version: \"1.2.0\", schemaType: JSON_SCHEMA, schema: {type: \"object\"}}) "
                        + "{ compatible } }", ownerOrSteward("data")),
                graphQl("publishOdcsContract", person -> "mutation { publishOdcsContract(id: \"" + draftProduct()
                        + "\", document: " + JSON.valueToTree(ODCS) + ") { id } }", ownerOrSteward("data")),
                graphQl("checkOdcsContract", person -> "mutation { checkOdcsContract(id: \"" + contracted
                        + "\", document: " + JSON.valueToTree(ODCS_1_2) + ") { compatible } }", ownerOrSteward("data")),
                graphQl("changeCompatibilityMode", person -> "mutation { changeCompatibilityMode(id: \""
                        + draftProduct() + "\", mode: FULL) { id } }", ownerOrSteward("data")),
                graphQl("publishDataProduct", person -> "mutation { publishDataProduct(id: \"" + draftProduct()
                        + "\") { id } }", ownerOrSteward("data")),
                graphQl("definePolicy", person -> "mutation { definePolicy(input: {id: \"" + freshName()
                        + "\", name: \"P\", rules: [{when: {classifications: [RESTRICTED]}, then: {requiredApprovals: "
                        + "[OWNER], maxGrantDays: 30, purposeRequired: false}}]}) { id } }", stewards("data")),
                graphQl("requestAccess", person -> "mutation { requestAccess(input: {dataProductId: \""
                        + publishedProduct() + "\", consumerTeam: \"marketing\", purpose: \"p\", durationDays: 7}) "
                        + "{ id } }", only("data", "bob")),
                graphQl("approveAccessRequest", person -> "mutation { approveAccessRequest(id: \""
                        + pendingRequest(publishedProduct()) + "\") { id } }", only("data", "alice", "erin")),
                graphQl("revokeAccessGrant", person -> "mutation { revokeAccessGrant(id: \""
                        + grantedRequest(publishedProduct()) + "\", reason: \"r\") { id } }", ownerOrSteward("data")),
                graphQl("issueAuditDigest", person -> "mutation { issueAuditDigest { id } }",
                        only("data", "dave", "admin")));
        return cells(rows);
    }

    private Stream<DynamicTest> cells(List<Row> rows) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (String person : PEOPLE) {
                Object expected = person.equals("anonymous") ? Integer.valueOf(401) : row.expected().get(person);
                tests.add(DynamicTest.dynamicTest(row.operation() + " as " + person + " -> " + expected, () -> {
                    HttpResponse<String> answer = send(person, row.request().apply(person));
                    assertThat(outcome(answer, expected)).as(answer.statusCode() + " " + answer.body())
                            .isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    /** The status; for a GraphQL answer of 200, "data" when it has no error, else the error's classification. */
    private static Object outcome(HttpResponse<String> answer, Object expected) throws Exception {
        if (expected instanceof Integer || answer.statusCode() != 200) {
            return answer.statusCode();
        }
        JsonNode body = JSON.readTree(answer.body());
        return body.path("errors").isEmpty() ? "data"
                : body.path("errors").get(0).path("extensions").path("classification").asText();
    }

    private HttpResponse<String> send(String person, Cell cell) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + cell.path()))
                .timeout(Duration.ofSeconds(30));
        if (!cell.headers().containsKey("Accept")) {
            request.header("Accept", "application/json");
        }
        if (!person.equals("anonymous")) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((person + ":" + person + "-pw").getBytes(StandardCharsets.UTF_8)));
        }
        cell.headers().forEach(request::header);
        HttpRequest.BodyPublisher body = cell.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(cell.body());
        if (cell.body() != null && !cell.headers().containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.method(cell.method(), body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row read(String operation, String path, Map<String, Object> expected) {
        return new Row(operation, person -> new Cell("GET", path, null, Map.of()), expected);
    }

    /** A read of one resource made here, with the token of its last change. */
    private Row readOf(String operation, String path, String resource, Map<String, Object> expected) {
        return new Row(operation, person -> new Cell("GET", path, null, tokenOf(resource)), expected);
    }

    private static Row change(String operation, Function<String, Cell> request, Map<String, Object> expected) {
        return new Row(operation, request, expected);
    }

    private static Row graphQl(String operation, Function<String, String> document, Map<String, Object> expected) {
        return new Row("graphql " + operation, person -> new Cell("POST", "/graphql",
                JSON.createObjectNode().put("query", document.apply(person)).toString(), Map.of()), expected);
    }

    private Row graphQlOf(String operation, String document, String resource, Map<String, Object> expected) {
        return new Row("graphql " + operation, person -> new Cell("POST", "/graphql",
                JSON.createObjectNode().put("query", document).toString(), tokenOf(resource)), expected);
    }

    private Map<String, String> tokenOf(String resource) {
        String token = tokens.get(resource);
        assertThat(token).as("the token of " + resource).isNotNull();
        return Map.of(TOKEN, token);
    }

    /** Asserts the status of a change made for a cell and keeps the token it answered. */
    private void made(String resource, HttpResponse<String> answer, Integer... statuses) {
        assertThat(answer.statusCode()).as(answer.body()).isIn((Object[]) statuses);
        answer.headers().firstValue(TOKEN).ifPresent(token -> tokens.put(resource, token));
    }

    // --- who: the success for those allowed, the refusal for everyone else -------------------------------------

    private static Map<String, Object> all(Object success) {
        return only(success, "alice", "erin", "bob", "carol", "dave", "admin");
    }

    private static Map<String, Object> readers(Object success) {
        return only(success, "carol", "dave", "admin");
    }

    private static Map<String, Object> operators(Object success) {
        return only(success, "admin");
    }

    private static Map<String, Object> stewards(Object success) {
        return only(success, "carol");
    }

    private static Map<String, Object> ownerOrSteward(Object success) {
        return only(success, "alice", "erin", "carol");
    }

    private static Map<String, Object> only(Object success, String... allowed) {
        Object refusal = success instanceof Integer ? (Object) 403 : "FORBIDDEN";
        Map<String, Object> expected = new LinkedHashMap<>();
        PEOPLE.stream().filter(person -> !person.equals("anonymous"))
                .forEach(person -> expected.put(person, List.of(allowed).contains(person) ? success : refusal));
        return expected;
    }

    // --- fresh resources, one per cell, made by their owners --------------------------------------------------

    private static String freshName() {
        return "authz-" + FRESH.incrementAndGet();
    }

    private String draftProduct() {
        String name = freshName();
        made("authz." + name, send("alice", new Cell("POST", "/api/v1/data-products", productBody(name), Map.of())),
                201);
        return "authz." + name;
    }

    private String publishedProduct() {
        String id = draftProduct();
        made(id, send("alice", new Cell("POST", "/api/v1/data-products/" + id + "/publish", null, Map.of())), 200);
        return id;
    }

    /** A draft product with contract versions 1.0.0 and 1.1.0 (a property added). */
    private String contractedProduct() {
        String id = draftProduct();
        for (String version : List.of("1.0.0", "1.1.0")) {
            made(id, send("alice", new Cell("POST", "/api/v1/data-products/" + id + "/contracts",
                    contractBody(version), Map.of())), 201);
        }
        return id;
    }

    /** Version 1.0.0 has an id; later ones add an optional name. */
    private static String contractBody(String version) {
        String name = version.equals("1.0.0") ? "" : ", \"name\": {\"type\": \"string\"}";
        return """
                {"version": "%s", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
                  "properties": {"id": {"type": "string"}%s}}}""".formatted(version, name);
    }

    private String pendingRequest(String product) {
        HttpResponse<String> requested = send("bob", new Cell("POST", "/api/v1/access-requests", requestBody(product),
                Map.of("Idempotency-Key", freshName())));
        try {
            String id = JSON.readTree(requested.body()).path("id").asText();
            made(id, requested, 201);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String grantedRequest(String product) {
        String id = pendingRequest(product);
        made(id, send("alice", new Cell("POST", "/api/v1/access-requests/" + id + "/approve", null, Map.of())), 200);
        return id;
    }

    private String policy() {
        String id = freshName();
        made(id, send("carol", new Cell("POST", "/api/v1/policies", policyBody(id), Map.of())), 201, 202);
        return id;
    }

    private static String productBody(String name) {
        return """
                {"domain": "authz", "name": "%s", "title": "T", "description": "D", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}""".formatted(name);
    }

    private static String requestBody(String product) {
        return """
                {"dataProductId": "%s", "consumerTeam": "marketing", "purpose": "p", "durationDays": 7}"""
                .formatted(product);
    }

    /** A rule for RESTRICTED products only, so that the INTERNAL products here keep needing the owner alone. */
    private static String policyBody(String id) {
        return """
                {"id": "%s", "name": "P", "scope": {"domain": null},
                 "rules": [{"when": {"classifications": ["RESTRICTED"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 30, "purposeRequired": false}}]}"""
                .formatted(id);
    }

    private static String amendmentBody() {
        return """
                {"name": "P", "scope": {"domain": null}, "rationale": "why",
                 "rules": [{"when": {"classifications": ["RESTRICTED"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 20, "purposeRequired": false}}]}""";
    }
}
