package com.acme.governance.query.edge;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.Hostile;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.RawHttp.Response;
import com.acme.governance.edge.testing.RawHttp;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.PolicyStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based test of the read side's edge over real HTTP: generated hostile ids, query parameters and headers at
 * every query endpoint. Never a 5xx (but the documented 503 of a read that waits for its token), every refusal an
 * RFC 9457 problem with a type of {@link ProblemTypes}. {@code -Dfuzz.tries=N} (default 1000), {@code -Dfuzz.seed=S}.
 */
@SpringBootTest(classes = {GovernanceQueryApplication.class, EmbeddedMongoConfiguration.class,
        LocalTestUsers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"governance.query.mongo-database=query_fuzz_test", "governance.query.consumer-auto-startup=false",
                "governance.query.consistency-timeout=50ms",
                "spring.kafka.bootstrap-servers=localhost:1", "logging.level.com.acme.governance=OFF",
                "logging.level.com.acme.governance.query.web.QueryProblemHandler=ERROR",
                "logging.level.com.acme.governance.edge.web.ProblemErrorReportValve=ERROR",
                "logging.level.org.apache.catalina=ERROR", "logging.level.org.apache.coyote=ERROR"})
class QueryInputFuzzTest {

    private static final int TRIES = Integer.getInteger("fuzz.tries", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L); // fixed, so a run is repeatable; pass another to explore
    private static final String PRODUCT = "sales.orders";
    private static final String POLICY = "confidential-data";
    private static final String REQUEST = "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01";

    private record Endpoint(String path, String idKind, List<String> parameters) {
    }

    private static final List<String> PRODUCT_FILTERS = List.of("domain", "ownerTeam", "classification", "tag",
            "status", "q", "page", "size");
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/v1/data-products", null, PRODUCT_FILTERS),
            new Endpoint("/api/v1/data-products/{id}", "product", List.of("asOf")),
            new Endpoint("/api/v1/data-products/{id}/history", "product", List.of("page", "size")),
            new Endpoint("/api/v1/policies", null, List.of("status", "domain", "q", "page", "size")),
            new Endpoint("/api/v1/policies/{id}", "policy", List.of("asOf")),
            new Endpoint("/api/v1/policies/{id}/versions", "policy", List.of()),
            new Endpoint("/api/v1/access-requests", null, List.of("status", "dataProductId", "consumerTeam",
                    "awaitingMyApproval", "page", "size")),
            new Endpoint("/api/v1/access-requests/{id}", "request", List.of()),
            new Endpoint("/api/v1/access-grants", null, List.of("status", "dataProductId", "consumerTeam", "page",
                    "size")),
            new Endpoint("/api/v1/access-grants/{id}", "request", List.of()),
            new Endpoint("/api/v1/audit/events", null, List.of("aggregateId", "aggregateType", "principal", "type",
                    "from", "to", "cursor", "size")),
            new Endpoint("/api/v1/audit/access-as-of", null, List.of("dataProductId", "consumerTeam", "at", "page",
                    "size")),
            new Endpoint("/api/v1/audit/verify", null, List.of("aggregateId", "digest")),
            new Endpoint("/api/v1/audit/digest", null, List.of()),
            new Endpoint("/api/v1/audit/public-key", null, List.of()));

    @LocalServerPort
    private int port;
    @Autowired
    private ProjectionDispatcher dispatcher;

    @Test
    void noHostileReadGetsA5xxOrAnythingButAProblem() throws Exception {
        DataProductStream.fullLifecycle(PRODUCT).forEach(dispatcher::dispatch);
        PolicyStream.fullLifecycle(POLICY).forEach(dispatcher::dispatch);
        AccessRequestStream.of(REQUEST).requested().events().forEach(dispatcher::dispatch);
        Map<String, String> ids = Map.of("product", PRODUCT, "policy", POLICY, "request", REQUEST);
        Set<String> types = Arrays.stream(ProblemTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == URI.class)
                .map(f -> {
                    try {
                        return f.get(null).toString();
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
        RawHttp http = new RawHttp(port);
        Hostile hostile = new Hostile(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < TRIES; i++) {
            Endpoint endpoint = hostile.oneOf(ENDPOINTS);
            String path = endpoint.idKind() == null ? endpoint.path()
                    : endpoint.path().replace("{id}", hostile.id(ids.get(endpoint.idKind())));
            path += parameters(hostile, endpoint.parameters());
            String method = hostile.chance(0.05) ? hostile.oneOf(List.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS",
                    "PATCH", "BREW")) : "GET";
            Map<String, String> headers = headers(hostile);
            byte[] body = hostile.chance(0.1) ? hostile.body("{\"q\": \"x\"}") : null;
            String request = "try " + i + " of seed " + SEED + ": " + method + " "
                    + path.substring(0, Math.min(300, path.length())) + " " + headers;

            Response response = http.send(method, path, headers, body);
            statuses.merge(response.status(), 1, Integer::sum);

            // a HEAD answer has no body to name its type: the read model's short Retry-After tells it from the store's
            boolean waitedForItsToken = response.status() == 503 && (method.equals("HEAD")
                    ? "1".equals(response.headers().get("retry-after"))
                    : response.json().path("type").asText().equals(ProblemTypes.READ_MODEL_BEHIND.toString()));
            assertThat(response.status() < 500 || waitedForItsToken).as("5xx for %s -> %s", request, response).isTrue();
            if (response.status() >= 400 && !method.equals("HEAD")) {
                assertThat(response.contentType()).as("content type for %s -> %s", request, response)
                        .startsWith("application/problem+json");
                assertThat(response.json().path("type").asText()).as("type for %s -> %s", request, response)
                        .isIn(types);
            }
        }
        System.out.printf("Query fuzz, seed %d: %d requests, statuses %s%n", SEED, TRIES, statuses);
        assertThat(statuses.keySet()).as("both answers and refusals").anyMatch(s -> s < 300).anyMatch(s -> s >= 400);
    }

    private static String parameters(Hostile hostile, List<String> names) {
        if (names.isEmpty() || hostile.chance(0.3)) {
            return hostile.query();
        }
        StringBuilder query = new StringBuilder();
        for (int n = hostile.between(1, 4); n > 0; n--) {
            String name = hostile.chance(0.9) ? hostile.oneOf(names) : hostile.oneOf(List.of("x", "ownerTeam[$ne]",
                    "%24where", "page[]", ""));
            String value = hostile.oneOf(List.of(hostile.oneOf(List.of("sales", "CONFIDENTIAL", "PUBLISHED", "true",
                    "0", "1", "100", "101", "-1", "99999999999", "2026-01-01T00:00:00Z", "yesterday", "pii",
                    "sales.orders", "marketing", "PENDING", "", "$ne", "1e3", "null", "DataProduct",
                    "governance.dataproduct.registered.v1", "eyJ0IjoxfQ", "2026-03-10T10:00:00+01:00")), hostile.text(hostile.between(0, 30)),
                    "x".repeat(hostile.between(100, 5000))));
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static Map<String, String> headers(Hostile hostile) {
        Map<String, String> headers = new LinkedHashMap<>();
        String user = hostile.oneOf(List.of("alice", "alice", "alice", "dave", "nobody", "none"));
        if (!user.equals("none")) {
            headers.put("Authorization", RawHttp.basic(user));
        }
        if (hostile.chance(0.3)) {
            headers.put("Accept", hostile.headerValue(List.of("*/*", "application/json", "application/xml",
                    "text/html", "application/x-ndjson", "application/problem+json", "", "x")));
        }
        if (hostile.chance(0.2)) {
            headers.put("X-Governance-Token", hostile.headerValue(List.of("sales.orders:1", "sales.orders:999",
                    "x", ":", "a:b:c", "sales.orders:-1", "sales.orders:99999999999999999999")));
        }
        if (hostile.chance(0.1)) {
            headers.put("Content-Type", hostile.headerValue(List.of("application/json", "text/plain", "*/*", "x")));
        }
        if (hostile.chance(0.1)) {
            headers.put("If-None-Match", hostile.headerValue(List.of("\"1\"", "*", "W/\"1\"")));
        }
        return headers;
    }
}
