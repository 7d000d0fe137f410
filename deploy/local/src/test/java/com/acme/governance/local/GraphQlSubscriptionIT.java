package com.acme.governance.local;

import com.acme.governance.query.subscription.GovernanceEventFeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code governanceEvents} over graphql-ws on the combined application: events decided over REST arrive on the
 * subscription once they are on the Kafka topic, filtered by aggregate and type; a domain team member may follow one
 * aggregate but not all.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlSubscriptionIT extends LocalStackSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Autowired
    private GovernanceEventFeed feed;

    @Test
    void aSubscriberReceivesTheEventsOfItsAggregateAsTheyArePublished() {
        Flux<GraphQlTester.Response> events = as("bob").document("""
                        subscription { governanceEvents(aggregateId: "subscribed.orders",
                            types: ["governance.dataproduct.registered.v2", "governance.dataproduct.published.v1"]) {
                            aggregateId sequence type principal hash } }""")
                .executeSubscription().toFlux();

        try (GraphQlWebSocket.Followed followed = GraphQlWebSocket.follow(events)) {
            List<String> received = followed.types();
            // the feed is hot: act once the server holds the subscription
            await().atMost(WAIT).until(() -> feed.subscriptions() > 0);
            Api.Caller alice = new Api(port).as("alice");
            assertThat(alice.post("/api/v1/data-products", product("subscribed", "orders")).status()).isEqualTo(201);
            assertThat(alice.post("/api/v1/data-products", product("subscribed", "other")).status()).isEqualTo(201);
            assertThat(alice.post("/api/v1/data-products/subscribed.orders/publish", "").status()).isEqualTo(200);

            await().atMost(WAIT).untilAsserted(() -> assertThat(received).as("%d events fed", feed.eventsFed())
                    .hasSizeGreaterThanOrEqualTo(2));
            assertThat(received).containsExactly("governance.dataproduct.registered.v2",
                    "governance.dataproduct.published.v1");
        }
    }

    @Test
    void followingEveryAggregateIsForTheReadersOfTheAuditTrail() {
        StepVerifier.create(as("bob").document("subscription { governanceEvents { type } }")
                        .executeSubscription().toFlux())
                .expectErrorSatisfies(error -> assertThat(error.toString()).contains("FORBIDDEN"))
                .verify(WAIT);
    }

    /** Credentials in the upgrade request's headers, as this IT has always sent them. */
    private WebSocketGraphQlTester as(String user) {
        return new GraphQlWebSocket(port).tester(GraphQlWebSocket.authorization(GraphQlWebSocket.basic(user)),
                Map.of());
    }

    static String product(String domain, String name) {
        return """
                {"domain": "%s", "name": "%s", "title": "T", "description": "D", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [], "outputPorts": []}""".formatted(domain, name);
    }
}
