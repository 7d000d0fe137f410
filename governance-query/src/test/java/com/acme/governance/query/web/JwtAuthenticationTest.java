package com.acme.governance.query.web;

import com.acme.governance.edge.testing.TestIdentityProvider;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.support.InMemoryMongo;
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

import java.time.Instant;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The query side as production runs it: JWTs only, issuer and audience checked, roles from the claims. */
@SpringBootTest(classes = GovernanceQueryApplication.class, properties = {
        "governance.query.consumer-auto-startup=false", "spring.kafka.bootstrap-servers=localhost:1",
        "spring.profiles.active=production",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.ISSUER,
        "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIdentityProvider.AUDIENCE})
@AutoConfigureMockMvc
class JwtAuthenticationTest {

    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();
    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void identityProviderAndStore(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
        registry.add("spring.data.mongodb.uri", MONGO::connectionString);
        registry.add("governance.query.mongo-database", () -> "query_jwt_test");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
        MONGO.close();
    }

    @Test
    void aTokenOfTheProviderReadsAndItsRolesDecideOverRestAndGraphQl() throws Exception {
        mvc.perform(get("/api/v1/data-products").header(HttpHeaders.AUTHORIZATION,
                        PROVIDER.token("bob@acme").teams("marketing").bearer()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit/events").header(HttpHeaders.AUTHORIZATION,
                        PROVIDER.token("bob@acme").teams("marketing").bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/events").header(HttpHeaders.AUTHORIZATION,
                        PROVIDER.token("dave@acme").roles("AUDITOR").bearer()))
                .andExpect(status().isOk());
        mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\": \"{ auditEvents { edges { cursor } } }\"}")
                        .header(HttpHeaders.AUTHORIZATION, PROVIDER.token("dave@acme").roles("AUDITOR").bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void aTokenSignedByAnotherKeyExpiredForAnotherAudienceOrFromAnotherIssuerIsUnauthenticated() throws Exception {
        for (TestIdentityProvider.Token refused : new TestIdentityProvider.Token[] {
                PROVIDER.token("dave@acme").roles("AUDITOR").signedWithAnotherKey(),
                PROVIDER.token("dave@acme").roles("AUDITOR").expiredAt(Instant.now().minusSeconds(120)),
                PROVIDER.token("dave@acme").roles("AUDITOR").audience("another-service"),
                PROVIDER.token("dave@acme").roles("AUDITOR").issuer("https://login.evil.example")}) {
            mvc.perform(get("/api/v1/audit/events").header(HttpHeaders.AUTHORIZATION, refused.bearer()))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
            mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"query\": \"{ dataProducts { totalCount } }\"}")
                            .header(HttpHeaders.AUTHORIZATION, refused.bearer()))
                    .andExpect(status().isUnauthorized());
        }
    }
}
