package com.acme.governance.query.support;

import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.edge.security.LocalUsers;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The standalone query application over HTTP, as a client sees it, with one small governed world projected into
 * it. Every test class of the read API extends this and declares no configuration of its own, so that Spring builds
 * the application once and each class reuses it from the test context cache.
 *
 * <p>The world: {@link #PRODUCT}, registered by sales and taken through its whole lifecycle to RETIRED (6 events);
 * the global policy {@link #POLICY}, defined, amended and retired, and {@link #SALES_PII}, active and scoped to
 * sales; bob's request {@link #PENDING}, nobody approved yet, and his request {@link #GRANTED}, approved by alice
 * (OWNER) and carol (STEWARD), hence granted (4 events). The tests only read, so the world is the same in every one.
 */
@SpringBootTest(classes = GovernanceQueryApplication.class, properties = {
        "governance.query.consumer-auto-startup=false",
        "governance.query.consistency-timeout=300ms",
        "spring.kafka.bootstrap-servers=localhost:1",
        // no broker in this test: its health would be DOWN (the contributor is tried in ScaleOutIT)
        "management.health.kafka.enabled=false"})
@AutoConfigureMockMvc
@Import(QueryHttpTest.ReadModelServerAndUsers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryHttpTest {

    protected static final String PRODUCT = "sales.orders";
    protected static final String POLICY = "confidential-data";
    protected static final String SALES_PII = "sales-pii";
    /** bob's request for sales.orders, nobody approved yet. */
    protected static final String PENDING = "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01";
    /** bob's request for sales.orders, approved by alice (OWNER) and carol (STEWARD): granted, 4 events. */
    protected static final String GRANTED = "1c7a3d2f-7a5a-4e7c-8b66-4d2e3f8a9b02";

    /** Lives as long as the cached application that reads from it, not as long as one test class. */
    private static final InMemoryMongo MONGO = InMemoryMongo.start();
    /** Every find the application sends, per collection; tests that count reset it first. */
    protected static final MongoFinds MONGO_FINDS = new MongoFinds();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    private ProjectionDispatcher dispatcher;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MONGO::connectionString);
        registry.add("governance.query.mongo-database", () -> "query_http_test");
    }

    /** Projection is idempotent, so each class may project the world again into the shared database. */
    @BeforeAll
    void projectTheWorld() {
        DataProductStream.fullLifecycle(PRODUCT).forEach(dispatcher::dispatch);
        PolicyStream.fullLifecycle(POLICY).forEach(dispatcher::dispatch);
        PolicyStream.of(SALES_PII, PolicyStream.START.plusSeconds(60))
                .defined("Sales personal data", new PolicyScope("sales"), List.of(PolicyStream.PII)).events()
                .forEach(dispatcher::dispatch);
        AccessRequestStream.of(PENDING).requested().events().forEach(dispatcher::dispatch);
        AccessRequestStream.of(GRANTED, AccessRequestStream.START.plusSeconds(60))
                .requested().approvedByOwner().approvedBySteward().granted().provisioned().events()
                .forEach(dispatcher::dispatch);
    }

    protected static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return as("alice", request);
    }

    protected static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, basic(user, user + "-pw"));
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 9457 problem of this type (the status is the caller's to check). */
    protected static ResultMatcher problem(URI type) {
        return ResultMatcher.matchAll(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(type.toString()));
    }

    /** A JSON page of a list, numbered from 0, of at most {@code size} items. */
    protected static ResultMatcher page(int page, int size) {
        return ResultMatcher.matchAll(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON),
                jsonPath("$.page").value(page), jsonPath("$.size").value(size));
    }

    /** A JSON page of a list paged by cursor: at most {@code size} items, and the cursor of the next, null or not. */
    protected static ResultMatcher cursorPage(int size) {
        return ResultMatcher.matchAll(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON),
                jsonPath("$.items.length()").value(Matchers.lessThanOrEqualTo(size)), jsonPath("$.next").hasJsonPath());
    }

    /** What the launcher's local profile provides (users, hence HTTP Basic), and the end of the database with it. */
    @TestConfiguration
    static class ReadModelServerAndUsers {
        @Bean
        UserDetailsService users() {
            return LocalUsers.userDetailsService();
        }

        @Bean(destroyMethod = "close")
        InMemoryMongo readModelServer() {
            return MONGO;
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countingFinds() {
            return settings -> settings.addCommandListener(MONGO_FINDS);
        }
    }
}
