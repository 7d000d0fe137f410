package com.acme.governance.edge.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.util.Map;

/**
 * The API docs name how to authenticate, as the security chain does: HTTP Basic where the local users exist,
 * a bearer JWT where an identity provider is configured, and every operation requires one of them (the health
 * check, which is not documented, excepted).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class EdgeOpenApiAutoConfiguration {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://governance.acme.com/problems/";

    /** The problem answers every operation may give, by status, with the problem types each can carry. */
    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "400", "Invalid input: `" + TYPES + "invalid-input` (the offending fields in `errors`), or a request "
                    + "refused for its form (`malformed-request`)",
            "401", "Not authenticated: `" + TYPES + "unauthenticated`",
            "403", "Not allowed for this caller: `" + TYPES + "forbidden`",
            "500", "An internal error, logged: `" + TYPES + "internal`",
            "503", "The store is unavailable (`store-unavailable`), the read models have not reached the consistency "
                    + "token (`read-model-behind`), or the service cannot do it now (`unavailable`, "
                    + "`verification-busy`, `signing-key-missing`); retry after `Retry-After`");
    /** And those of a change. */
    private static final Map<String, String> EVERY_CHANGE = Map.of(
            "404", "No such resource: `" + TYPES + "not-found`",
            "409", "In conflict with the current state: `duplicate`, `illegal-state-transition`, `concurrent-change`, "
                    + "`incompatible-contract`, `idempotency-key-reused`, `idempotency-key-in-flight`",
            "412", "The `If-Match` is not the current version: `" + TYPES + "version-mismatch`",
            "413", "The decision would be larger than the event log takes, or the body is too large: "
                    + "`event-too-large`, `payload-too-large`",
            "428", "A change that needs `If-Match` came without a strong one: `" + TYPES + "precondition-required`");

    @Bean
    public OpenApiCustomizer governanceSecuritySchemes(ObjectProvider<UserDetailsService> localUsers,
                                                       ObjectProvider<JwtDecoder> jwtDecoders) {
        boolean basic = localUsers.getIfAvailable() != null;
        boolean bearer = jwtDecoders.getIfAvailable() != null;
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            if (basic) {
                components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic").description("The local profile's users (alice, bob, erin, carol, dave, "
                                + "admin; password: the name followed by -pw)"));
                openApi.addSecurityItem(new SecurityRequirement().addList(BASIC));
            }
            if (bearer) {
                components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT").description("A JWT of the configured identity "
                                + "provider, with the caller's teams and roles in its claims"));
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
            openApi.setComponents(components);
        };
    }

    /** Every operation documents the RFC 9457 problems it may answer, with their types. */
    @Bean
    public OpenApiCustomizer governanceProblemAnswers() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSchemas(PROBLEM, new ObjectSchema()
                    .description("An RFC 9457 problem: its type is one of the stable types of the API")
                    .addProperty("type", new StringSchema().format("uri"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                            .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))));
            openApi.setComponents(components);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                EVERY_OPERATION.forEach((status, description) -> addProblem(operation, status, description));
                if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                    EVERY_CHANGE.forEach((status, description) -> addProblem(operation, status, description));
                }
            }));
        };
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
}
