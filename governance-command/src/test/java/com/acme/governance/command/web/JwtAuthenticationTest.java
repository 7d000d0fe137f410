package com.acme.governance.command.web;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.TestIdentityProvider;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command side as production runs it: no local users, JWTs of an identity provider whose JWK set it fetches
 * over HTTP, issuer and audience checked, teams and roles from the claims.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
        // no broker in this test: its health would be DOWN (the contributor is tried in ScaleOutIT)
        "management.health.kafka.enabled=false",
                "spring.kafka.admin.operation-timeout=1s", "spring.profiles.active=production",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIdentityProvider.AUDIENCE})
@AutoConfigureMockMvc
class JwtAuthenticationTest {

    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();
    private static final String PRODUCT = """
            {"domain": "jwt", "name": "orders", "title": "Orders", "description": "D", "ownerTeam": "sales",
             "classification": "INTERNAL", "tags": [], "outputPorts": []}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStore eventStore;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aTokenOfTheProviderIsAcceptedAndItsTeamsDecide() throws Exception {
        register(PROVIDER.token("alice@acme").teams("sales"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Governance-Token", "jwt.orders:0"));
        MetaData recorded = eventStore.readEvents("jwt.orders").next().getMetaData();
        assertThat(recorded).containsEntry(AuditMetadata.PRINCIPAL, "alice@acme")
                .containsEntry(AuditMetadata.ISSUER, TestIdentityProvider.ISSUER);
        mvc.perform(post("/api/v1/data-products/jwt.orders/publish")
                        .header(HttpHeaders.AUTHORIZATION, PROVIDER.token("bob@acme").teams("marketing").bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTokenSignedByAnotherKeyExpiredForAnotherAudienceOrFromAnotherIssuerIsUnauthenticated() throws Exception {
        for (TestIdentityProvider.Token refused : new TestIdentityProvider.Token[] {
                PROVIDER.token("alice@acme").teams("sales").signedWithAnotherKey(),
                PROVIDER.token("alice@acme").teams("sales").expiredAt(Instant.now().minusSeconds(120)),
                PROVIDER.token("alice@acme").teams("sales").audience("another-service"),
                PROVIDER.token("alice@acme").teams("sales").issuer("https://login.evil.example")}) {
            register(refused)
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")))
                    .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/unauthenticated"));
        }
    }

    @Test
    void theLocalUsersDoNotExistHereAndTheMetricsAreForOperators() throws Exception {
        mvc.perform(post("/api/v1/data-products").contentType(MediaType.APPLICATION_JSON).content(PRODUCT)
                        .header(HttpHeaders.AUTHORIZATION, "Basic YWxpY2U6YWxpY2UtcHc="))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, PROVIDER.token("alice@acme").teams("sales").bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private ResultActions register(TestIdentityProvider.Token token) throws Exception {
        return mvc.perform(post("/api/v1/data-products").contentType(MediaType.APPLICATION_JSON).content(PRODUCT)
                .header(HttpHeaders.AUTHORIZATION, token.bearer()));
    }
}
