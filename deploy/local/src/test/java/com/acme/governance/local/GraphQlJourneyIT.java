package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GraphQL client's journey on the combined application: every mutation is decided by the command side (adr/0030)
 * and answers the token with which a query reads that very write; refusals come back classified as REST answers
 * them.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlJourneyIT extends LocalStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER = """
            mutation($input: RegisterDataProductInput!) { registerDataProduct(input: $input,
                idempotencyKey: "graphql-journey-1") { id version consistencyToken inForce } }""";
    private static final Map<String, Object> ORDERS = Map.of("input", Map.of("domain", "graphql", "name", "orders",
            "title", "Orders", "description", "Orders, registered over GraphQL", "ownerTeam", "sales",
            "classification", "INTERNAL", "tags", List.of("pii"),
            "outputPorts", List.of(Map.of("name", "events", "kind", "KAFKA_TOPIC", "address", "graphql.orders.v1"))));

    @LocalServerPort
    private int port;

    /** The signing key the local launcher would create, so that a digest can be issued here too. */
    @DynamicPropertySource
    static void auditKeys(DynamicPropertyRegistry registry) throws IOException {
        TestAuditKeys.register(registry);
    }

    @Test
    void aProductIsRegisteredChangedAndReadBackThroughGraphQlAlone() {
        JsonNode registered = graphQl("alice", REGISTER, ORDERS, null);
        JsonNode result = registered.path("data").path("registerDataProduct");
        assertThat(result.path("id").asText()).as(registered.toString()).isEqualTo("graphql.orders");
        assertThat(result.path("version").asInt()).isEqualTo(1);
        assertThat(result.path("inForce").asBoolean()).isTrue();
        String token = result.path("consistencyToken").asText();
        JsonNode replayed = graphQl("alice", REGISTER, ORDERS, null);
        assertThat(replayed.path("data").path("registerDataProduct").path("consistencyToken").asText())
                .as("the same idempotency key: the first answer again, not a conflict").isEqualTo(token);

        JsonNode read = graphQl("bob", "{ dataProduct(id: \"graphql.orders\") { status version ownerTeam } }",
                Map.of(), token);
        assertThat(read.path("data").path("dataProduct").path("status").asText()).isEqualTo("DRAFT");

        JsonNode stale = graphQl("alice", """
                mutation { updateDataProduct(id: "graphql.orders", ifMatch: 7, input: {title: "Orders",
                    classification: INTERNAL}) { version } }""", Map.of(), null);
        assertThat(classification(stale)).as(stale.toString()).isEqualTo("PRECONDITION_FAILED");

        JsonNode notOwner = graphQl("bob", "mutation { publishDataProduct(id: \"graphql.orders\") { version } }",
                Map.of(), null);
        assertThat(classification(notOwner)).as(notOwner.toString()).isEqualTo("FORBIDDEN");

        JsonNode published = graphQl("alice", """
                mutation { publishDataProduct(id: "graphql.orders") { version consistencyToken } }""", Map.of(), null);
        assertThat(published.path("data").path("publishDataProduct").path("version").asInt()).isEqualTo(2);
        JsonNode retired = graphQl("alice", """
                mutation { retireDataProduct(id: "graphql.orders", reason: "now") { version } }""", Map.of(), null);
        assertThat(classification(retired)).as("a published product is deprecated first").isEqualTo("CONFLICT");
        assertThat(retired.path("errors").get(0).path("extensions").path("type").asText())
                .endsWith("/illegal-state-transition");
    }

    @Test
    void invalidInputIsRefusedByTheCommandSideNamingTheFieldsAndUnknownIdsAreNotFound() {
        JsonNode invalid = graphQl("alice", """
                mutation { registerDataProduct(input: {domain: "graphql", name: "Bad Name", title: "",
                    ownerTeam: "sales", classification: PUBLIC}) { id } }""", Map.of(), null);
        assertThat(classification(invalid)).as(invalid.toString()).isEqualTo("BAD_REQUEST");
        assertThat(invalid.path("errors").get(0).path("extensions").path("fields").toString()).contains("name");

        JsonNode unknown = graphQl("carol", """
                mutation { deprecateDataProduct(id: "graphql.nothing", reason: "none") { id } }""", Map.of(), null);
        assertThat(classification(unknown)).as(unknown.toString()).isEqualTo("NOT_FOUND");

        JsonNode path = graphQl("carol", """
                mutation { retireDataProduct(id: "../../admin/projections", reason: "x") { id } }""", Map.of(), null);
        assertThat(classification(path)).as(path.toString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void anAccessRequestIsAskedApprovedAndGrantedOverGraphQl() {
        JsonNode product = graphQl("alice", """
                mutation { registerDataProduct(input: {domain: "graphql", name: "customers", title: "Customers",
                    ownerTeam: "sales", classification: INTERNAL}) { id } }""", Map.of(), null);
        assertThat(product.path("errors").isMissingNode()).as(product.toString()).isTrue();
        graphQl("alice", "mutation { publishDataProduct(id: \"graphql.customers\") { id } }", Map.of(), null);

        JsonNode requested = graphQl("bob", """
                mutation { requestAccess(input: {dataProductId: "graphql.customers", consumerTeam: "marketing",
                    purpose: "attribution", durationDays: 30}, idempotencyKey: "graphql-access-1") { id } }""",
                Map.of(), null);
        String id = requested.path("data").path("requestAccess").path("id").asText();
        assertThat(id).as(requested.toString()).isNotBlank();

        JsonNode ownApproval = graphQl("bob", "mutation($id: ID!) { approveAccessRequest(id: $id) { id } }",
                Map.of("id", id), null);
        assertThat(classification(ownApproval)).isEqualTo("FORBIDDEN");
        JsonNode approved = graphQl("alice", """
                mutation($id: ID!) { approveAccessRequest(id: $id) { consistencyToken } }""", Map.of("id", id), null);
        String token = approved.path("data").path("approveAccessRequest").path("consistencyToken").asText();

        JsonNode grant = graphQl("bob", """
                query($id: ID!) { accessGrant(id: $id) { status dataProduct { id } approvals { principal } } }""",
                Map.of("id", id), token);
        assertThat(grant.path("data").path("accessGrant").path("status").asText()).as(grant.toString())
                .isEqualTo("ACTIVE");
        assertThat(grant.path("data").path("accessGrant").path("dataProduct").path("id").asText())
                .isEqualTo("graphql.customers");
    }

    @Test
    void everyOtherMutationDecidesAsItsRestCommand() {
        assertThat(data(graphQl("alice", """
                mutation { registerDataProduct(input: {domain: "graphql", name: "events", title: "Events",
                    ownerTeam: "sales", classification: INTERNAL}) { version } }""", Map.of(), null),
                "registerDataProduct").path("version").asInt()).isEqualTo(1);
        assertThat(data(graphQl("alice", """
                mutation { updateDataProduct(id: "graphql.events", ifMatch: 1, input: {title: "Events, all",
                    classification: INTERNAL, tags: ["audit"]}) { version } }""", Map.of(), null),
                "updateDataProduct").path("version").asInt()).isEqualTo(2);
        assertThat(data(graphQl("alice", """
                mutation($schema: JSON!) { publishContractVersion(id: "graphql.events", input: {version: "1.0.0",
                    schemaType: JSON_SCHEMA, schema: $schema}) { version } }""",
                Map.of("schema", Map.of("type", "object")), null), "publishContractVersion").path("version").asInt())
                .isEqualTo(3);
        data(graphQl("alice", "mutation { publishDataProduct(id: \"graphql.events\") { id } }", Map.of(), null),
                "publishDataProduct");
        assertThat(data(graphQl("carol", """
                mutation { deprecateDataProduct(id: "graphql.events", reason: "v2", replacedBy: "graphql.orders")
                    { version } }""", Map.of(), null), "deprecateDataProduct").path("version").asInt()).isEqualTo(5);

        assertThat(data(graphQl("carol", """
                mutation { definePolicy(input: {id: "graphql-policy", name: "P", rules: [{when: {classifications:
                    [RESTRICTED]}, then: {requiredApprovals: [OWNER], maxGrantDays: 30, purposeRequired: false}}]})
                    { id version inForce } }""", Map.of(), null), "definePolicy").path("id").asText())
                .isEqualTo("graphql-policy");
        assertThat(data(graphQl("carol", """
                mutation { amendPolicy(id: "graphql-policy", ifMatch: 1, input: {name: "P", rationale: "shorter",
                    rules: [{when: {classifications: [RESTRICTED]}, then: {requiredApprovals: [OWNER, STEWARD],
                    maxGrantDays: 14, purposeRequired: true}}]}) { version } }""", Map.of(), null), "amendPolicy")
                .path("version").asInt()).isEqualTo(2);
        assertThat(data(graphQl("carol", """
                mutation { retirePolicy(id: "graphql-policy", ifMatch: 2, reason: "replaced") { version } }""",
                Map.of(), null), "retirePolicy").path("version").asInt()).isEqualTo(3);

        graphQl("alice", "mutation { registerDataProduct(input: {domain: \"graphql\", name: \"metrics\", "
                + "title: \"M\", ownerTeam: \"sales\", classification: INTERNAL}) { id } }", Map.of(), null);
        graphQl("alice", "mutation { publishDataProduct(id: \"graphql.metrics\") { id } }", Map.of(), null);
        String rejected = requested("graphql-reject");
        data(graphQl("alice", "mutation($id: ID!) { rejectAccessRequest(id: $id, reason: \"no\") { id } }",
                Map.of("id", rejected), null), "rejectAccessRequest");
        String withdrawn = requested("graphql-withdraw");
        data(graphQl("bob", "mutation($id: ID!) { withdrawAccessRequest(id: $id) { id } }",
                Map.of("id", withdrawn), null), "withdrawAccessRequest");
        String revoked = requested("graphql-revoke");
        data(graphQl("alice", "mutation($id: ID!) { approveAccessRequest(id: $id) { id } }",
                Map.of("id", revoked), null), "approveAccessRequest");
        JsonNode revocation = data(graphQl("carol", """
                mutation($id: ID!) { revokeAccessGrant(id: $id, reason: "over") { consistencyToken } }""",
                Map.of("id", revoked), null), "revokeAccessGrant");

        JsonNode statuses = graphQl("bob", """
                query($a: ID!, $b: ID!, $c: ID!) { a: accessRequest(id: $a) { status } b: accessRequest(id: $b)
                    { status } c: accessRequest(id: $c) { status } }""",
                Map.of("a", rejected, "b", withdrawn, "c", revoked), revocation.path("consistencyToken").asText());
        assertThat(statuses.path("data").path("a").path("status").asText()).isEqualTo("REJECTED");
        assertThat(statuses.path("data").path("b").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(statuses.path("data").path("c").path("status").asText()).isEqualTo("REVOKED");

        assertThat(data(graphQl("dave", "mutation { issueAuditDigest { id version } }", Map.of(), null),
                "issueAuditDigest").path("id").asText()).isEqualTo("audit-ledger");
    }

    private String requested(String idempotencyKey) {
        JsonNode answer = graphQl("bob", """
                mutation($key: String) { requestAccess(input: {dataProductId: "graphql.metrics", consumerTeam:
                    "marketing", purpose: "p", durationDays: 7}, idempotencyKey: $key) { id } }""",
                Map.of("key", idempotencyKey), null);
        return data(answer, "requestAccess").path("id").asText();
    }

    private static JsonNode data(JsonNode answer, String field) {
        assertThat(answer.path("errors").isMissingNode()).as(field + ": " + answer).isTrue();
        return answer.path("data").path(field);
    }

    private JsonNode graphQl(String user, String document, Map<String, Object> variables, String token) {
        ObjectNode body = JSON.createObjectNode().put("query", document);
        body.set("variables", JSON.valueToTree(variables));
        Api.Response response = token == null ? new Api(port).as(user).post("/graphql", body.toString())
                : new Api(port).as(user).post("/graphql", body.toString(), Api.TOKEN, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String classification(JsonNode answer) {
        return answer.path("errors").path(0).path("extensions").path("classification").asText();
    }
}
