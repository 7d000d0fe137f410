package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combined application's {@code /v3/api-docs}, as a client generator reads it: valid OpenAPI 3 (checked by
 * swagger-parser), every path of BRIEF section 4 that exists, with the security schemes of the local profile; and
 * Swagger UI behind authentication.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsIT extends LocalStackSupport {

    /** BRIEF section 4 and its additions in section 5 that exist so far, method by path. */
    private static final Map<String, List<String>> BRIEF_PATHS = Map.ofEntries(
            Map.entry("/api/v1/data-products", List.of("get", "post")),
            Map.entry("/api/v1/data-products/{id}", List.of("get", "put")),
            Map.entry("/api/v1/data-products/{id}/contracts", List.of("post")),
            Map.entry("/api/v1/data-products/{id}/publish", List.of("post")),
            Map.entry("/api/v1/data-products/{id}/deprecate", List.of("post")),
            Map.entry("/api/v1/data-products/{id}/retire", List.of("post")),
            Map.entry("/api/v1/data-products/{id}/history", List.of("get")),
            Map.entry("/api/v1/policies", List.of("get", "post")),
            Map.entry("/api/v1/policies/{id}", List.of("get", "put")),
            Map.entry("/api/v1/policies/{id}/retire", List.of("post")),
            Map.entry("/api/v1/policies/{id}/versions", List.of("get")),
            Map.entry("/api/v1/access-requests", List.of("get", "post")),
            Map.entry("/api/v1/access-requests/{id}", List.of("get")),
            Map.entry("/api/v1/access-requests/{id}/approve", List.of("post")),
            Map.entry("/api/v1/access-requests/{id}/reject", List.of("post")),
            Map.entry("/api/v1/access-requests/{id}/withdraw", List.of("post")),
            Map.entry("/api/v1/access-grants", List.of("get")),
            Map.entry("/api/v1/access-grants/{id}", List.of("get")),
            Map.entry("/api/v1/access-grants/{id}/revoke", List.of("post")),
            Map.entry("/api/v1/audit/events", List.of("get")),
            Map.entry("/api/v1/audit/access-as-of", List.of("get")),
            Map.entry("/api/v1/audit/verify", List.of("get")),
            Map.entry("/api/v1/audit/digest", List.of("get")),
            Map.entry("/api/v1/audit/digests", List.of("post")),
            Map.entry("/api/v1/audit/public-key", List.of("get")),
            Map.entry("/api/v1/admin/projections", List.of("get")),
            Map.entry("/api/v1/admin/projections/rebuild", List.of("post")),
            Map.entry("/api/v1/admin/acls/drift", List.of("get")),
            Map.entry("/api/v1/admin/acls/reconcile", List.of("post")));

    @LocalServerPort
    private int port;

    @Test
    void theApiDocsAreValidOpenApiAndListEveryPathOfTheBrief() {
        Api.Response docs = new Api(port).as("bob").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.text(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");

        JsonNode paths = docs.json().path("paths");
        BRIEF_PATHS.forEach((path, methods) -> methods.forEach(method ->
                assertThat(paths.path(path).has(method)).as(method.toUpperCase() + " " + path).isTrue()));
        assertThat(docs.json().path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(docs.json().path("security").toString()).contains("basic");
        JsonNode update = paths.path("/api/v1/data-products/{id}").path("put").path("responses");
        assertThat(update.path("428").path("content").has("application/problem+json")).isTrue();
        assertThat(update.path("412").path("description").asText()).contains("version-mismatch");
        assertThat(paths.path("/api/v1/audit/events").path("get").path("responses").path("403").path("description")
                .asText()).contains("forbidden");
    }

    @Test
    void swaggerUiAndTheDocsAreBehindAuthentication() {
        assertThat(new Api(port).as("nobody").get("/v3/api-docs").status()).isEqualTo(401);
        Api.Response ui = new Api(port).as("alice").get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui");
    }
}
