package com.acme.governance.query.graphql;

import com.acme.governance.edge.testing.TestIdentityProvider;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.subscription.GovernanceEventFeed;
import com.acme.governance.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * graphql-ws on the query side as production runs it (JWTs only): a browser's client sends its bearer token in the
 * {@code connection_init} payload, and the connection acts for the token's subject with the token's roles; a token
 * the HTTP chain refuses, or Basic credentials (there are no users here), close the connection with 4401.
 */
@SpringBootTest(classes = GovernanceQueryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "governance.query.consumer-auto-startup=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.profiles.active=production",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIdentityProvider.AUDIENCE})
class GraphQlWebSocketJwtTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AUDIT_TRAIL = "{ auditEvents(first: 1) { edges { cursor } } }";
    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();
    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    @LocalServerPort
    private int port;
    @Autowired
    private GovernanceEventFeed feed;

    @DynamicPropertySource
    static void identityProviderAndStore(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
        registry.add("spring.data.mongodb.uri", MONGO::connectionString);
        registry.add("governance.query.mongo-database", () -> "query_ws_jwt_test");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
        MONGO.close();
    }

    /** A client that sends no header at all, only the payload, as a browser's does. */
    private WebSocketGraphQlTester withPayload(String authorization) {
        return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                new StandardWebSocketClient()).interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", authorization));
                    }
                }).build();
    }

    @Test
    void theTokensSubjectAndRolesDecideAsOverHttp() {
        withPayload(PROVIDER.token("dave@acme").roles("AUDITOR").bearer()).document(AUDIT_TRAIL).execute()
                .errors().verify();
        withPayload(PROVIDER.token("bob@acme").teams("marketing").bearer()).document(AUDIT_TRAIL).execute()
                .errors().satisfy(errors -> assertThat(errors)
                        .extracting(error -> String.valueOf(error.getErrorType())).containsExactly("FORBIDDEN"));
    }

    @Test
    void anAuditorFollowsEveryAggregateAndATeamMemberMayNot() {
        int before = feed.subscriptions();
        Disposable auditor = withPayload(PROVIDER.token("dave@acme").roles("AUDITOR").bearer())
                .document("subscription { governanceEvents { type } }").executeSubscription().toFlux().subscribe();
        try {
            await().atMost(WAIT).until(() -> feed.subscriptions() > before);
        } finally {
            auditor.dispose();
        }
        assertThatThrownBy(() -> withPayload(PROVIDER.token("bob@acme").teams("marketing").bearer())
                .document("subscription { governanceEvents { type } }").executeSubscription().toFlux().blockLast(WAIT))
                .hasStackTraceContaining("FORBIDDEN");
    }

    @Test
    void aTokenTheChainRefusesOrBasicCredentialsCloseTheConnectionWith4401() {
        for (String refused : List.of(PROVIDER.token("dave@acme").roles("AUDITOR").signedWithAnotherKey().bearer(),
                PROVIDER.token("dave@acme").roles("AUDITOR").expiredAt(Instant.now().minusSeconds(120)).bearer(),
                PROVIDER.token("dave@acme").roles("AUDITOR").audience("another-service").bearer(),
                PROVIDER.token("dave@acme").roles("AUDITOR").issuer("https://login.evil.example").bearer(),
                "Basic " + Base64.getEncoder().encodeToString("dave:dave-pw".getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> withPayload(refused).document(AUDIT_TRAIL).execute())
                    .hasStackTraceContaining("4401");
        }
    }
}
