package com.acme.governance.local;

import com.acme.governance.query.subscription.GovernanceEventFeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Map;

import static com.acme.governance.local.GraphQlWebSocket.WAIT;
import static com.acme.governance.local.GraphQlWebSocket.authorization;
import static com.acme.governance.local.GraphQlWebSocket.basic;
import static com.acme.governance.local.GraphQlWebSocket.upgradeHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authentication over graphql-ws (adr/0036): a browser cannot set headers on a WebSocket, so its client sends the
 * {@code Authorization} in the {@code connection_init} payload; the connection then acts for that caller, with the
 * same rules as over HTTP. A connection that authenticates nobody is closed with 4401 before it runs anything, and the
 * upgrade without credentials is the one request the chain lets through for that: every other still needs them.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlWebSocketAuthenticationIT extends LocalStackSupport {

    private static final String FOLLOW_EVERYTHING = "subscription { governanceEvents { type } }";
    private static final String SUBSCRIBE = """
            {"id": "1", "type": "subscribe", "payload": {"query": "%s"}}""".formatted(FOLLOW_EVERYTHING);
    private static final HttpHeaders NO_HEADERS = new HttpHeaders();

    @LocalServerPort
    private int port;
    @Autowired
    private GovernanceEventFeed feed;

    private GraphQlWebSocket webSocket() {
        return new GraphQlWebSocket(port);
    }

    private WebSocketGraphQlTester withPayload(String key, String authorization) {
        return webSocket().tester(NO_HEADERS, Map.of(key, authorization));
    }

    @Test
    void aSubscriptionAuthenticatedByItsConnectionInitPayloadOnlyReceivesItsEvents() {
        Flux<GraphQlTester.Response> events = withPayload("Authorization", basic("bob")).document("""
                        subscription { governanceEvents(aggregateId: "payload.orders") { type principal } }""")
                .executeSubscription().toFlux();
        try (GraphQlWebSocket.Followed followed = GraphQlWebSocket.follow(events)) {
            await().atMost(WAIT).until(() -> feed.subscriptions() > 0);
            Api.Caller alice = new Api(port).as("alice");
            assertThat(alice.post("/api/v1/data-products", GraphQlSubscriptionIT.product("payload", "orders"))
                    .status()).isEqualTo(201);
            assertThat(alice.post("/api/v1/data-products/payload.orders/publish", "").status()).isEqualTo(200);

            await().atMost(WAIT).untilAsserted(() -> assertThat(followed.types()).hasSize(2));
            assertThat(followed.types()).containsExactly("governance.dataproduct.registered.v2",
                    "governance.dataproduct.published.v1");
        }
    }

    @Test
    void queriesAndMutationsRunAsThePayloadsCallerWhoseCredentialsTheMutationsForward() {
        WebSocketGraphQlTester alice = withPayload("authorization", basic("alice"));
        alice.document("""
                        mutation { registerDataProduct(input: {domain: "payload", name: "mutated", title: "T",
                            ownerTeam: "sales", classification: INTERNAL}) { id } }""")
                .execute().errors().verify().path("registerDataProduct.id").entity(String.class)
                .isEqualTo("payload.mutated");
        alice.document("{ dataProducts { totalCount } }").execute().errors().verify();

        webSocket().tester(NO_HEADERS, Map.of("Authorization", basic("bob")))
                .document("mutation { publishDataProduct(id: \"payload.mutated\") { id } }")
                .execute().errors().satisfy(GraphQlWebSocketAuthenticationIT::forbidden);
        webSocket().tester(NO_HEADERS, Map.of("Authorization", basic("bob")))
                .document("{ auditEvents(first: 1) { edges { cursor } } }")
                .execute().errors().satisfy(GraphQlWebSocketAuthenticationIT::forbidden);
    }

    @Test
    void aPayloadCallerLackingTheRightIsRefusedAsOverHeaders() {
        for (WebSocketGraphQlTester bob : List.of(withPayload("Authorization", basic("bob")),
                webSocket().tester(authorization(basic("bob")), Map.of()))) {
            StepVerifier.create(bob.document(FOLLOW_EVERYTHING).executeSubscription().toFlux())
                    .expectErrorSatisfies(error -> assertThat(error.toString()).contains("FORBIDDEN"))
                    .verify(WAIT);
        }
    }

    @Test
    void aWrongPasswordInThePayloadClosesTheConnectionWith4401() {
        StepVerifier.create(withPayload("Authorization", basic("dave", "wrong")).document(FOLLOW_EVERYTHING)
                        .executeSubscription().toFlux())
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("4401"))
                .verify(WAIT);

        GraphQlWebSocket.Exchange exchange = webSocket().exchange(NO_HEADERS,
                init(Map.of("Authorization", basic("dave", "wrong"))), SUBSCRIBE);
        assertThat(exchange.closed().getCode()).isEqualTo(4401);
        assertThat(exchange.received()).isEmpty();
    }

    @Test
    void withoutCredentialsAnywhereNothingRuns() {
        for (String init : List.of(init(Map.of()), init(Map.of("Authorization", "")),
                init(Map.of("Authorization", "Bearer not-a-token")), init(Map.of("Authorization", "Digest x")),
                "{\"type\": \"connection_init\"}")) {
            GraphQlWebSocket.Exchange exchange = webSocket().exchange(NO_HEADERS, init, SUBSCRIBE,
                    "{\"id\": \"2\", \"type\": \"subscribe\", \"payload\": {\"query\": \"{ dataProducts { totalCount } }\"}}");
            assertThat(exchange.closed().getCode()).as(init).isEqualTo(4401);
            assertThat(exchange.received()).as(init).isEmpty();
        }
        // an operation before connection_init: Spring for GraphQL's own refusal
        GraphQlWebSocket.Exchange early = webSocket().exchange(NO_HEADERS, SUBSCRIBE);
        assertThat(early.closed().getCode()).isEqualTo(4401);
        assertThat(early.received()).isEmpty();
    }

    @Test
    void payloadCredentialsMustBeTheHandshakesOwnWhenItHadAny() {
        GraphQlWebSocket.Exchange other = webSocket().exchange(authorization(basic("bob")),
                init(Map.of("Authorization", basic("dave"))), SUBSCRIBE);
        assertThat(other.closed().getCode()).isEqualTo(4401);
        assertThat(other.received()).isEmpty();

        GraphQlWebSocket.Exchange twoKeys = webSocket().exchange(NO_HEADERS,
                init(Map.of("Authorization", basic("dave"), "authorization", basic("bob"))), SUBSCRIBE);
        assertThat(twoKeys.closed().getCode()).isEqualTo(4401);

        webSocket().tester(authorization(basic("dave")), Map.of("Authorization", basic("dave")))
                .document("{ auditEvents(first: 1) { edges { cursor } } }").execute().errors().verify();
    }

    @Test
    void onlyTheUpgradeToTheGraphQlWebSocketGoesThroughWithoutCredentials() {
        GraphQlWebSocket http = webSocket();
        assertThat(http.statusOfGet("/graphql", upgradeHeaders())).isEqualTo(101);
        assertThat(http.statusOfGet("/graphql")).isEqualTo(401);
        assertThat(http.statusOfGet("/graphql?query=%7BdataProducts%7BtotalCount%7D%7D")).isEqualTo(401);
        assertThat(http.statusOfGet("/api/v1/data-products", upgradeHeaders())).isEqualTo(401);
        assertThat(http.statusOfGet("/graphiql", upgradeHeaders())).isEqualTo(401);
        assertThat(http.statusOfGet("/graphql", upgradeHeaders("Authorization: " + basic("dave", "wrong"))))
                .isEqualTo(401);
        assertThat(http.statusOfGet("/graphql", upgradeHeaders("Authorization: " + basic("dave")))).isEqualTo(101);
    }

    private static void forbidden(List<ResponseError> errors) {
        assertThat(errors).extracting(error -> String.valueOf(error.getErrorType())).containsExactly("FORBIDDEN");
    }

    private static String init(Map<String, String> payload) {
        StringBuilder json = new StringBuilder("{\"type\": \"connection_init\", \"payload\": {");
        payload.forEach((key, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ", ")
                .append('"').append(key).append("\": \"").append(value).append('"'));
        return json.append("}}").toString();
    }
}
