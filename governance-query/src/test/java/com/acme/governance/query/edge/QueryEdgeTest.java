package com.acme.governance.query.edge;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.RawHttp.Response;
import com.acme.governance.edge.testing.RawHttp;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.PolicyStream;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.acme.governance.edge.testing.ProblemAssertions.assertClientProblem;
import static com.acme.governance.edge.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side's HTTP edge over real HTTP: the container's and Spring's errors are problems too, never HTML. */
@SpringBootTest(classes = {GovernanceQueryApplication.class, EmbeddedMongoConfiguration.class,
        LocalTestUsers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"governance.query.mongo-database=query_edge_test", "governance.query.consumer-auto-startup=false",
                "governance.query.consistency-timeout=300ms",
                "spring.kafka.bootstrap-servers=localhost:1"})
class QueryEdgeTest {

    static final String PRODUCT = "sales.orders";
    static final String REQUEST = "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01";

    @LocalServerPort
    private int port;
    @Autowired
    private ProjectionDispatcher dispatcher;

    private RawHttp http;

    @BeforeEach
    void project() {
        http = new RawHttp(port);
        DataProductStream.fullLifecycle(PRODUCT).forEach(dispatcher::dispatch);
        PolicyStream.fullLifecycle("confidential-data").forEach(dispatcher::dispatch);
        AccessRequestStream.of(REQUEST).requested().events().forEach(dispatcher::dispatch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/data-products/%", "//..;", "/api/v1/data-products/sales%2Forders",
            "/api/v1/data-products/sales.orders;x=1", "/api/v1/policies/%00", "/api/v1/access-requests/a\\b",
            "/../../etc/passwd"})
    void malformedPathIsAProblemNotTomcatsPage(String path) throws Exception {
        Response response = http.send("GET", path, Map.of("Authorization", RawHttp.basic("alice")), null);
        assertClientProblem(response, ProblemTypes.MALFORMED_REQUEST, ProblemTypes.INVALID_INPUT,
                ProblemTypes.NOT_FOUND);
    }

    @Test
    void errorPathRequestedDirectlyIsNotFoundNot500() throws Exception {
        assertProblem(http.send("GET", "/error", Map.of("Authorization", RawHttp.basic("alice"), "Accept", "text/html"),
                null), 404, ProblemTypes.NOT_FOUND);
    }

    @Test
    void unacceptableAndUnsupportedMediaTypesAreProblems() throws Exception {
        assertProblem(http.send("GET", "/api/v1/data-products/" + PRODUCT, Map.of("Authorization",
                RawHttp.basic("alice"), "Accept", "application/xml"), null), 406, ProblemTypes.NOT_ACCEPTABLE);
        assertProblem(http.send("GET", "/api/v1/data-products", Map.of("Authorization", RawHttp.basic("alice"),
                "Content-Type", "application/*"), null), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        assertProblem(http.send("DELETE", "/api/v1/data-products/" + PRODUCT, Map.of("Authorization",
                RawHttp.basic("alice")), null), 405, ProblemTypes.METHOD_NOT_ALLOWED);
    }

    // the request QueryInputFuzzTest found (seed 8611010178021, try 929): Spring's parser fails on a quoted type
    @Test
    void quotedMediaTypesAreProblemsNot500() throws Exception {
        assertProblem(http.send("GET", "/api/v1/policies/confidential-data?asOf=x", Map.of("Authorization",
                RawHttp.basic("dave"), "Content-Type", "\"N\u00f7/\"R\u00b6", "If-None-Match", "*"), null),
                415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        assertProblem(http.send("GET", "/api/v1/data-products/" + PRODUCT, Map.of("Authorization",
                RawHttp.basic("alice"), "Accept", "\"application/json\""), null), 406, ProblemTypes.NOT_ACCEPTABLE);
    }

    @Test
    void bodyOverTheLimitIsRefusedByItsLength() throws Exception {
        assertProblem(http.announce("GET", "/api/v1/data-products", Map.of("Authorization", RawHttp.basic("alice"),
                "Content-Type", "application/json"), "{".getBytes(StandardCharsets.UTF_8), 20L * 1024 * 1024),
                413, ProblemTypes.PAYLOAD_TOO_LARGE);
    }

    @Test
    void headerValueTheFirewallRefusesIsAProblem() throws Exception {
        Response response = http.send("GET", "/api/v1/data-products", Map.of("Authorization", RawHttp.basic("alice"),
                "X-Governance-Token", "sales.orders:\u00ff\u0001"), null);
        assertClientProblem(response);
    }

    @Test
    void unauthenticatedIsAProblemWhateverIsAccepted() throws Exception {
        assertProblem(http.send("GET", "/api/v1/data-products", Map.of("Accept", "text/html"), null),
                401, ProblemTypes.UNAUTHENTICATED);
    }

    @Test
    void aValidReadStillAnswers() throws Exception {
        Response response = http.send("GET", "/api/v1/data-products/" + PRODUCT,
                Map.of("Authorization", RawHttp.basic("alice")), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode product = response.json();
        assertThat(product.path("id").asText()).isEqualTo(PRODUCT);
    }
}
