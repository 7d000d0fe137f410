package com.acme.governance.local;

import com.acme.governance.contracts.standards.StandardSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A domain team's contracts through the public API as a client sends them: a compatibility mode, a Protobuf contract
 * refused for a renumbered field with the difference named, a dry run, bad schemas answered 400 without an event,
 * and the read side's contract version and changelog between two versions.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataContractsIT extends LocalStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCT = "/api/v1/data-products/sales.payments";
    private static final String PROTO_1_0 = "syntax = \"proto3\"; package sales; "
            + "message Payment { string id = 1; int64 cents = 2; }";
    private static final String PROTO_1_1 = PROTO_1_0.replace("int64 cents = 2;", "int64 cents = 2; string note = 3;");

    private static final String CUSTOMERS = "/api/v1/data-products/sales.customers";
    private static final String INVOICES = "/api/v1/data-products/sales.invoices";
    private static final String TOTAL = """
                  - name: total
                    logicalType: number
                    physicalType: number
                    required: false
            """;
    private static final String INVOICE_ODCS = """
            apiVersion: v3.1.0
            kind: DataContract
            id: 2f0c8e7a-invoices
            name: Invoices
            version: 1.0.0
            status: draft
            domain: sales
            schema:
              - name: Invoice
                logicalType: object
                properties:
                  - name: id
                    logicalType: string
                    physicalType: string
                    required: true
            """ + TOTAL;

    @LocalServerPort
    private int port;

    @Test
    void aTeamPublishesProtobufContractsUnderItsModeAndReadsTheirChangelog() throws Exception {
        Api.Caller alice = new Api(port).as("alice");
        Api.Response registered = alice.post("/api/v1/data-products", """
                {"domain": "sales", "name": "payments", "title": "Payments", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "compatibilityMode": "BACKWARD",
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.payments.v1"}]}
                """);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        assertThat(alice.post(PRODUCT + "/contracts", proto("1.0.0", PROTO_1_0)).status()).isEqualTo(201);
        Api.Response compatible = alice.post(PRODUCT + "/contracts", proto("1.1.0", PROTO_1_1));
        assertThat(compatible.status()).as(compatible.toString()).isEqualTo(201);

        String renumbered = PROTO_1_1.replace("note = 3", "note = 4");
        Api.Response dryRun = alice.post(PRODUCT + "/contracts:check", proto("1.2.0", renumbered));
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().path("compatible").asBoolean()).isFalse();
        assertThat(differences(dryRun.json())).contains("NO_CHANGING_FIELD_IDS");

        Api.Response refused = alice.post(PRODUCT + "/contracts", proto("1.2.0", renumbered));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("mode").asText()).isEqualTo("BACKWARD");
        assertThat(refused.json().path("differences")).anySatisfy(difference -> {
            assertThat(difference.path("difference").asText()).isEqualTo("NO_CHANGING_FIELD_IDS");
            assertThat(difference.path("path").asText()).isEqualTo("/Payment");
            assertThat(difference.path("against").asText()).isEqualTo("1.1.0");
        });

        Api.Response asObject = alice.post(PRODUCT + "/contracts", """
                {"version": "1.2.0", "schemaType": "PROTOBUF", "schema": {"message": "Payment"}}""");
        assertThat(asObject.status()).as(asObject.toString()).isEqualTo(400);
        Api.Response unknownType = alice.post(PRODUCT + "/contracts",
                proto("1.2.0", "syntax = \"proto3\"; message Payment { Money amount = 1; }"));
        assertThat(unknownType.status()).as(unknownType.toString()).isEqualTo(400);
        assertThat(unknownType.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        Api.Response version = alice.getAfter(compatible, PRODUCT + "/contracts/1.1.0");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().path("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(version.json().path("schema").asText()).isEqualTo(PROTO_1_1);
        assertThat(alice.get(PRODUCT + "/contracts/1.2.0").status()).as("refused, so never published").isEqualTo(404);
        assertThat(alice.get(PRODUCT + "/contracts/one").status()).isEqualTo(400);

        JsonNode diff = alice.get(PRODUCT + "/contracts/1.0.0/diff/1.1.0").json();
        assertThat(diff.path("productMode").asText()).isEqualTo("BACKWARD");
        assertThat(verdict(diff, "BACKWARD").path("allowed").asBoolean()).isTrue();
        assertThat(verdict(diff, "CONSUMER_SAFE").path("allowed").asBoolean()).isTrue();
        assertThat(verdict(diff, "FORWARD").path("allowed").asBoolean())
                .as("the library's forward sees the added field as removed").isFalse();
        assertThat(verdict(diff, "NONE").path("allowed").asBoolean()).isTrue();

        JsonNode product = alice.get(PRODUCT).json();
        assertThat(product.path("contractVersions")).extracting(v -> v.path("version").asText())
                .containsExactly("1.0.0", "1.1.0");
        assertThat(product.path("version").asLong()).as("nothing refused was recorded").isEqualTo(3);

        Api.Response odcs = alice.get(PRODUCT + "/contracts/1.1.0/odcs", "Accept", "application/yaml");
        assertThat(odcs.status()).as(odcs.toString()).isEqualTo(200);
        assertThat(odcs.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        JsonNode contract = new YAMLMapper().readTree(odcs.text());
        assertThat(StandardSchemas.odcsProblems(contract)).as(odcs.text()).isEmpty();
        assertThat(contract.path("schema").path(0).path("properties")).extracting(p -> p.path("name").asText())
                .containsExactly("id", "cents", "note");
        JsonNode odps = alice.get(PRODUCT + "/odps").json();
        assertThat(StandardSchemas.odpsProblems(odps)).as(odps.toString()).isEmpty();
        assertThat(odps.path("outputPorts").path(0).path("version").asText()).isEqualTo("1.1.0");
        assertThat(alice.get(PRODUCT + "/contracts/1.2.0/odcs").status()).isEqualTo(404);

        JsonNode changed = graphQl(alice, """
                mutation { changeCompatibilityMode(id: "sales.payments", mode: FULL) { version consistencyToken } }""",
                null).path("data").path("changeCompatibilityMode");
        assertThat(changed.path("version").asInt()).isEqualTo(4);
        JsonNode read = graphQl(alice, """
                { dataProduct(id: "sales.payments") { compatibilityMode
                    contractVersion(version: "1.1.0") { schemaType schema }
                    never: contractVersion(version: "7.0.0") { version }
                    contractDiff(from: "1.0.0", to: "1.1.0") { productMode
                      modes { mode allowed differences { difference path against } } } } }""",
                changed.path("consistencyToken").asText()).path("data").path("dataProduct");
        assertThat(read.path("compatibilityMode").asText()).isEqualTo("FULL");
        assertThat(read.path("contractVersion").path("schema").asText()).isEqualTo(PROTO_1_1);
        assertThat(read.path("never").isNull()).isTrue();
        assertThat(read.path("contractDiff").path("productMode").asText()).isEqualTo("FULL");
        assertThat(verdict(read.path("contractDiff"), "FULL").path("differences"))
                .extracting(difference -> difference.path("difference").asText())
                .contains("NO_REMOVING_FIELDS_WITHOUT_RESERVE");
    }

    @Test
    void aTeamImportsAnOdcsDocumentAndReferencesAnotherProductsContract() throws Exception {
        Api.Caller alice = new Api(port).as("alice");
        for (String name : List.of("customers", "invoices")) {
            Api.Response registered = alice.post("/api/v1/data-products", """
                    {"domain": "sales", "name": "%s", "title": "%s", "ownerTeam": "sales",
                     "classification": "INTERNAL", "tags": [],
                     "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.%s.v1"}]}
                    """.formatted(name, name, name));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        assertThat(alice.post(CUSTOMERS + "/contracts", """
                {"version": "1.0.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
                  "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}""").status()).isEqualTo(201);

        Api.Response imported = alice.post(INVOICES + "/contracts", INVOICE_ODCS, "Content-Type", "application/yaml");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        Api.Response exported = alice.get(INVOICES + "/contracts/1.0.0/odcs", Api.TOKEN,
                imported.header(Api.TOKEN).orElseThrow(), "Accept", "application/yaml");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        JsonNode document = new YAMLMapper().readTree(exported.text());
        assertThat(StandardSchemas.odcsProblems(document)).isEmpty();
        assertThat(document).as("exported as imported").isEqualTo(new YAMLMapper().readTree(INVOICE_ODCS));
        JsonNode derived = alice.get(INVOICES + "/contracts/1.0.0").json();
        assertThat(derived.path("schemaType").asText()).isEqualTo("JSON_SCHEMA");
        assertThat(derived.path("schema").path("required")).extracting(JsonNode::asText).containsExactly("id");
        assertThat(derived.has("odcs")).as("the product's JSON keeps the schema, not the document").isFalse();

        Api.Response dryRun = alice.post(INVOICES + "/contracts:check", INVOICE_ODCS.replace("version: 1.0.0",
                "version: 1.1.0").replace(TOTAL, ""), "Content-Type", "application/yaml");
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(differences(dryRun.json())).containsExactly("FIELD_REMOVED");
        Api.Response notOdcs = alice.post(INVOICES + "/contracts", INVOICE_ODCS.replace("kind: DataContract",
                "kind: Contract").replace("status: draft\n", ""), "Content-Type", "application/yaml");
        assertThat(notOdcs.status()).as(notOdcs.toString()).isEqualTo(400);
        assertThat(notOdcs.json().path("errors").size()).as(notOdcs.toString()).isGreaterThanOrEqualTo(2);

        Api.Response referencing = alice.post(INVOICES + "/contracts", """
                {"version": "1.1.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object", "required": ["id"],
                  "properties": {"id": {"type": "string"}, "total": {"type": "number"},
                    "customer": {"$ref": "sales.customers@1.0.0"}}}}""");
        assertThat(referencing.status()).as(referencing.toString()).isEqualTo(201);
        Api.Response unresolved = alice.post(INVOICES + "/contracts", """
                {"version": "1.2.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object",
                  "properties": {"customer": {"$ref": "sales.customers@9.9.9"}}}}""");
        assertThat(unresolved.status()).as(unresolved.toString()).isEqualTo(400);
        assertThat(unresolved.json().path("errors").path(0).path("field").asText()).isEqualTo("references");
        assertThat(unresolved.text()).contains("sales.customers@9.9.9");

        JsonNode version = alice.getAfter(referencing, INVOICES + "/contracts/1.1.0").json();
        assertThat(version.path("references")).extracting(JsonNode::asText).containsExactly("sales.customers@1.0.0");
        Api.Response diff = alice.get(INVOICES + "/contracts/1.0.0/diff/1.1.0");
        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        assertThat(verdict(diff.json(), "CONSUMER_SAFE").path("allowed").asBoolean()).isTrue();
        Api.Response madeOdcs = alice.get(INVOICES + "/contracts/1.1.0/odcs");
        assertThat(StandardSchemas.odcsProblems(madeOdcs.json())).as(madeOdcs.toString()).isEmpty();

        String check = "mutation($i: ContractVersionInput!) { checkContractVersion(id: \"sales.invoices\", "
                + "input: $i) { compatible mode latest newMajor differences { difference path mode against } } }";
        JsonNode dryRunInGraphQl = graphQl(alice, check, null, JSON.readTree("""
                {"i": {"version": "1.2.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object",
                  "required": ["id"], "properties": {"id": {"type": "string"},
                    "customer": {"$ref": "sales.customers@1.0.0"}}}}}""")).path("data").path("checkContractVersion");
        assertThat(dryRunInGraphQl.path("compatible").asBoolean()).as(dryRunInGraphQl.toString()).isFalse();
        assertThat(dryRunInGraphQl.path("mode").asText()).isEqualTo("CONSUMER_SAFE");
        assertThat(dryRunInGraphQl.path("latest").asText()).isEqualTo("1.1.0");
        assertThat(differences(dryRunInGraphQl)).containsExactly("FIELD_REMOVED");
        assertThat(dryRunInGraphQl.path("differences").path(0).path("against").asText()).isEqualTo("1.1.0");
        JsonNode unresolvedInGraphQl = graphQlAnswer(alice, check, JSON.readTree("""
                {"i": {"version": "1.2.0", "schemaType": "JSON_SCHEMA",
                  "schema": {"properties": {"c": {"$ref": "sales.customers@9.9.9"}}}}}"""));
        assertThat(unresolvedInGraphQl.path("errors").path(0).path("extensions").path("classification").asText())
                .as(unresolvedInGraphQl.toString()).isEqualTo("BAD_REQUEST");
        assertThat(unresolvedInGraphQl.path("errors").path(0).path("message").asText())
                .contains("sales.customers@9.9.9");

        String major = INVOICE_ODCS.replace("version: 1.0.0", "version: 2.0.0").replace(TOTAL, "");
        JsonNode odcsDryRun = graphQl(alice, "mutation($d: String!) { checkOdcsContract(id: \"sales.invoices\", "
                + "document: $d) { compatible newMajor differences { difference } } }", null, document(major))
                .path("data").path("checkOdcsContract");
        assertThat(odcsDryRun.path("compatible").asBoolean()).as(odcsDryRun.toString()).isTrue();
        assertThat(odcsDryRun.path("newMajor").asBoolean()).isTrue();
        JsonNode published = graphQl(alice, "mutation($d: String!) { publishOdcsContract(id: \"sales.invoices\", "
                + "document: $d) { version consistencyToken } }", null, document(major)).path("data")
                .path("publishOdcsContract");
        JsonNode read = graphQl(alice, """
                { dataProduct(id: "sales.invoices") { odps odcs(version: "2.0.0") never: odcs(version: "9.0.0")
                    contractVersion(version: "1.1.0") { references } } }""",
                published.path("consistencyToken").asText()).path("data").path("dataProduct");
        assertThat(StandardSchemas.odpsProblems(read.path("odps"))).as(read.toString()).isEmpty();
        assertThat(read.path("odps").path("outputPorts").path(0).path("version").asText()).isEqualTo("2.0.0");
        assertThat(read.path("odcs")).as("exported as imported").isEqualTo(new YAMLMapper().readTree(major));
        assertThat(read.path("never").isNull()).isTrue();
        assertThat(read.path("contractVersion").path("references")).extracting(JsonNode::asText)
                .containsExactly("sales.customers@1.0.0");
    }

    private static JsonNode graphQl(Api.Caller caller, String document, String token) {
        return graphQl(caller, document, token, null);
    }

    private static JsonNode graphQl(Api.Caller caller, String operation, String token, JsonNode variables) {
        String body = request(operation, variables);
        Api.Response response = token == null ? caller.post("/graphql", body)
                : caller.post("/graphql", body, Api.TOKEN, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("errors").isMissingNode()).as(response.toString()).isTrue();
        return response.json();
    }

    /** The answer as it is, errors included. */
    private static JsonNode graphQlAnswer(Api.Caller caller, String operation, JsonNode variables) {
        Api.Response response = caller.post("/graphql", request(operation, variables));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String request(String operation, JsonNode variables) {
        ObjectNode body = JSON.createObjectNode().put("query", operation);
        if (variables != null) {
            body.set("variables", variables);
        }
        return body.toString();
    }

    private static JsonNode document(String text) {
        return JSON.createObjectNode().put("d", text);
    }

    private static String proto(String version, String text) throws Exception {
        return "{\"version\": \"" + version + "\", \"schemaType\": \"PROTOBUF\", \"schema\": "
                + JSON.writeValueAsString(text) + "}";
    }

    private static List<String> differences(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("differences").forEach(difference -> names.add(difference.path("difference").asText()));
        return names;
    }

    private static JsonNode verdict(JsonNode diff, String mode) {
        for (JsonNode verdict : diff.path("modes")) {
            if (verdict.path("mode").asText().equals(mode)) {
                return verdict;
            }
        }
        throw new AssertionError("no verdict for " + mode + " in " + diff);
    }
}
