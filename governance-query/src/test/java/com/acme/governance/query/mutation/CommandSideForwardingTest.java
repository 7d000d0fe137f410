package com.acme.governance.query.mutation;

import com.acme.governance.query.support.QueryGraphQlTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mutation sends to the command side and how its answers come back, against a command side that answers as
 * told: the caller's credentials, the idempotency key and If-Match forwarded, ids encoded into their path segment;
 * every status the command side may answer as its classification, a failure of its own as a generic internal error;
 * the request's correlation id forwarded too.
 */
class CommandSideForwardingTest extends QueryGraphQlTest {

    private static final HttpServer COMMAND_SIDE = start();
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Answer> NEXT = new AtomicReference<>();

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    @DynamicPropertySource
    static void commandSide(DynamicPropertyRegistry registry) {
        registry.add("governance.query.command-side.url",
                () -> "http://localhost:" + COMMAND_SIDE.getAddress().getPort());
    }

    @AfterAll
    static void stopCommandSide() {
        COMMAND_SIDE.stop(0);
    }

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @Test
    void theCallersCredentialsKeyAndVersionAreForwardedAndTheTokenAnswered() {
        NEXT.set(new Answer(200, Map.of("X-Governance-Token", "sales.orders:3"), "{\"id\":\"sales.orders\",\"version\":4}"));

        graphQl("alice").mutate().header("X-Correlation-Id", "gql-7").build().document("""
                        mutation { updateDataProduct(id: "sales.orders", ifMatch: 3, idempotencyKey: "k-1",
                            input: {title: "T", classification: INTERNAL}) { id version consistencyToken inForce } }""")
                .execute()
                .path("updateDataProduct.consistencyToken").entity(String.class).isEqualTo("sales.orders:3")
                .path("updateDataProduct.version").entity(Integer.class).isEqualTo(4)
                .path("updateDataProduct.inForce").entity(Boolean.class).isEqualTo(true);

        assertThat(SEEN).singleElement().asString()
                .startsWith("PUT /api/v1/data-products/sales.orders")
                .contains("authorization=" + basic("alice", "alice-pw"))
                .contains("idempotency-key=k-1").contains("if-match=\"3\"").contains("x-correlation-id=gql-7")
                .contains("\"title\":\"T\"").contains("\"classification\":\"INTERNAL\"");
    }

    @Test
    void anIdIsOneEncodedPathSegmentAndAPolicyNotYetInForceSaysSo() {
        NEXT.set(new Answer(202, Map.of("X-Governance-Token", "p:1"), "{}"));

        graphQl("carol").document("mutation { retirePolicy(id: \"a/../../b\", ifMatch: 2) { inForce } }")
                .execute()
                .path("retirePolicy.inForce").entity(Boolean.class).isEqualTo(false);

        assertThat(SEEN).singleElement().asString().startsWith("POST /api/v1/policies/a%2F..%2F..%2Fb/retire");
    }

    @Test
    void aDryRunIsForwardedToTheCheckAndAnsweredInTheShapeOfAContractCheck() {
        NEXT.set(new Answer(200, Map.of("Content-Type", "application/json"), """
                {"compatible": false, "mode": "BACKWARD", "latest": "1.1.0", "newMajor": false,
                 "differences": [{"difference": "FIELD_REMOVED", "path": "/properties/total", "detail": "removed",
                   "mode": "BACKWARD", "rule": "no field removed", "against": "1.1.0"}]}"""));

        graphQl("alice").document("""
                        mutation { checkContractVersion(id: "sales.orders", input: {version: "1.2.0",
                            schemaType: JSON_SCHEMA, schema: {type: "object"}, references: ["sales.customers@1.0.0"]}) {
                          compatible mode latest newMajor differences { difference path against } } }""")
                .execute()
                .path("checkContractVersion.compatible").entity(Boolean.class).isEqualTo(false)
                .path("checkContractVersion.mode").entity(String.class).isEqualTo("BACKWARD")
                .path("checkContractVersion.latest").entity(String.class).isEqualTo("1.1.0")
                .path("checkContractVersion.differences[0].difference").entity(String.class).isEqualTo("FIELD_REMOVED")
                .path("checkContractVersion.differences[0].against").entity(String.class).isEqualTo("1.1.0");

        assertThat(SEEN).singleElement().asString()
                .startsWith("POST /api/v1/data-products/sales.orders/contracts:check")
                .contains("authorization=" + basic("alice", "alice-pw"))
                .contains("content-type=application/json")
                .contains("\"references\":[\"sales.customers@1.0.0\"]").contains("\"schema\":{\"type\":\"object\"}");
    }

    @Test
    void anOdcsDocumentIsForwardedAsYamlText() {
        NEXT.set(new Answer(201, Map.of("X-Governance-Token", "sales.orders:2"), "{}"));

        graphQl("alice").document("""
                        mutation { publishOdcsContract(id: "sales.orders", idempotencyKey: "k-2",
                            document: "apiVersion: v3.1.0\\nkind: DataContract\\n") { version } }""")
                .execute()
                .path("publishOdcsContract.version").entity(Integer.class).isEqualTo(3);

        assertThat(SEEN).singleElement().asString()
                .startsWith("POST /api/v1/data-products/sales.orders/contracts ")
                .contains("content-type=application/yaml").contains("idempotency-key=k-2")
                .endsWith(" apiVersion: v3.1.0\nkind: DataContract\n");
    }

    @Test
    void everyRefusalOfTheCommandSideKeepsItsMeaning() {
        Map<Integer, String> classifications = Map.of(400, "BAD_REQUEST", 401, "UNAUTHORIZED", 403, "FORBIDDEN",
                404, "NOT_FOUND", 409, "CONFLICT", 412, "PRECONDITION_FAILED", 428, "PRECONDITION_FAILED",
                503, "UNAVAILABLE");
        classifications.forEach((status, classification) -> {
            NEXT.set(new Answer(status, Map.of("Content-Type", "application/problem+json"), """
                    {"type": "https://governance.acme.com/problems/x", "status": %d, "detail": "refused %d",
                     "errors": [{"field": "title", "message": "must not be blank"}]}""".formatted(status, status)));
            graphQl("alice").document("mutation { publishDataProduct(id: \"sales.orders\") { id } }")
                    .execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType().toString()).as("%d", status).isEqualTo(classification);
                        assertThat(error.getMessage()).isEqualTo("refused " + status);
                        assertThat(error.getExtensions().get("type")).isEqualTo("https://governance.acme.com/problems/x");
                    }));
        });
    }

    @Test
    void aFailureOfTheCommandSideIsAnInternalErrorThatGivesNothingAway() {
        NEXT.set(new Answer(500, Map.of(), "java.lang.NullPointerException at com.acme.Secret"));

        graphQl("alice").document("mutation { publishDataProduct(id: \"sales.orders\") { id } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
                    assertThat(error.getMessage()).doesNotContain("NullPointer").doesNotContain("Secret");
                }));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", CommandSideForwardingTest::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder seen = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        exchange.getRequestHeaders().forEach((name, values) -> seen.append(' ').append(name.toLowerCase())
                .append('=').append(String.join(",", values)));
        SEEN.add(seen.append(' ').append(body).toString());
        Answer answer = NEXT.get();
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
