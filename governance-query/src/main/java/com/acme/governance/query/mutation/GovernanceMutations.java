package com.acme.governance.query.mutation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every mutation of {@code graphql/mutation.graphqls}, each the REST command of the same name on the command side
 * (adr/0030). The input objects have the REST bodies' field names, so they are sent as they came; ids go into the
 * path encoded, so that no id can reach another path than its own.
 */
@Controller("queryGovernanceMutations")
public class GovernanceMutations {

    private static final String PRODUCTS = "/api/v1/data-products";
    private static final String POLICIES = "/api/v1/policies";
    private static final String REQUESTS = "/api/v1/access-requests";
    private static final String GRANTS = "/api/v1/access-grants";

    /** YAML is a superset of JSON: the command side reads an ODCS document in either form as this type. */
    private static final MediaType ODCS = MediaType.parseMediaType("application/yaml");
    private static final TypeReference<Map<String, Object>> ANSWER = new TypeReference<>() {
    };

    private final CommandSide commandSide;
    private final ObjectMapper objectMapper;

    public GovernanceMutations(CommandSide commandSide, ObjectMapper objectMapper) {
        this.commandSide = commandSide;
        this.objectMapper = objectMapper;
    }

    @MutationMapping
    public CommandResult registerDataProduct(@Argument Map<String, Object> input, @Argument String idempotencyKey,
                                             GraphQLContext context) {
        return send(HttpMethod.POST, PRODUCTS, input, context, idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult updateDataProduct(@Argument String id, @Argument Map<String, Object> input,
                                           @Argument Integer ifMatch, @Argument String idempotencyKey,
                                           GraphQLContext context) {
        return send(HttpMethod.PUT, PRODUCTS + "/" + segment(id), input, context, idempotencyKey, ifMatch);
    }

    @MutationMapping
    public CommandResult publishContractVersion(@Argument String id, @Argument Map<String, Object> input,
                                                @Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.POST, PRODUCTS + "/" + segment(id) + "/contracts", input, context, idempotencyKey,
                null);
    }

    /** An ODCS v3 document (YAML or JSON text) published as a contract version, as REST accepts one. */
    @MutationMapping
    public CommandResult publishOdcsContract(@Argument String id, @Argument String document,
                                             @Argument String idempotencyKey, GraphQLContext context) {
        return commandSide.send(HttpMethod.POST, PRODUCTS + "/" + segment(id) + "/contracts", ODCS, document,
                CommandSide.Forwarded.of(context, idempotencyKey, null));
    }

    /** What publishing the version would do, recorded nowhere: the command side's dry run. */
    @MutationMapping
    public Map<String, Object> checkContractVersion(@Argument String id, @Argument Map<String, Object> input,
                                                    GraphQLContext context) {
        return check(id, MediaType.APPLICATION_JSON, input, context);
    }

    @MutationMapping
    public Map<String, Object> checkOdcsContract(@Argument String id, @Argument String document,
                                                 GraphQLContext context) {
        return check(id, ODCS, document, context);
    }

    @MutationMapping
    public CommandResult changeCompatibilityMode(@Argument String id, @Argument String mode,
                                                 @Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.PUT, PRODUCTS + "/" + segment(id) + "/compatibility-mode", Map.of("mode", mode),
                context, idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult publishDataProduct(@Argument String id, @Argument String idempotencyKey,
                                            GraphQLContext context) {
        return send(HttpMethod.POST, PRODUCTS + "/" + segment(id) + "/publish", null, context, idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult deprecateDataProduct(@Argument String id, @Argument String reason,
                                              @Argument String replacedBy, @Argument String idempotencyKey,
                                              GraphQLContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("replacedBy", replacedBy);
        return send(HttpMethod.POST, PRODUCTS + "/" + segment(id) + "/deprecate", body, context, idempotencyKey,
                null);
    }

    @MutationMapping
    public CommandResult retireDataProduct(@Argument String id, @Argument String reason,
                                           @Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.POST, PRODUCTS + "/" + segment(id) + "/retire", reason(reason), context,
                idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult definePolicy(@Argument Map<String, Object> input, @Argument String idempotencyKey,
                                      GraphQLContext context) {
        return send(HttpMethod.POST, POLICIES, input, context, idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult amendPolicy(@Argument String id, @Argument Map<String, Object> input,
                                     @Argument Integer ifMatch, @Argument String idempotencyKey,
                                     GraphQLContext context) {
        return send(HttpMethod.PUT, POLICIES + "/" + segment(id), input, context, idempotencyKey, ifMatch);
    }

    @MutationMapping
    public CommandResult retirePolicy(@Argument String id, @Argument String reason, @Argument Integer ifMatch,
                                      @Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.POST, POLICIES + "/" + segment(id) + "/retire", reason(reason), context,
                idempotencyKey, ifMatch);
    }

    @MutationMapping
    public CommandResult requestAccess(@Argument Map<String, Object> input, @Argument String idempotencyKey,
                                       GraphQLContext context) {
        return send(HttpMethod.POST, REQUESTS, input, context, idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult approveAccessRequest(@Argument String id, @Argument String idempotencyKey,
                                              GraphQLContext context) {
        return send(HttpMethod.POST, REQUESTS + "/" + segment(id) + "/approve", null, context, idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult rejectAccessRequest(@Argument String id, @Argument String reason,
                                             @Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.POST, REQUESTS + "/" + segment(id) + "/reject", reason(reason), context,
                idempotencyKey, null);
    }

    @MutationMapping
    public CommandResult withdrawAccessRequest(@Argument String id, @Argument String idempotencyKey,
                                               GraphQLContext context) {
        return send(HttpMethod.POST, REQUESTS + "/" + segment(id) + "/withdraw", null, context, idempotencyKey,
                null);
    }

    @MutationMapping
    public CommandResult revokeAccessGrant(@Argument String id, @Argument String reason,
                                           @Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.POST, GRANTS + "/" + segment(id) + "/revoke", reason(reason), context, idempotencyKey,
                null);
    }

    @MutationMapping
    public CommandResult issueAuditDigest(@Argument String idempotencyKey, GraphQLContext context) {
        return send(HttpMethod.POST, "/api/v1/audit/digests", null, context, idempotencyKey, null);
    }

    private CommandResult send(HttpMethod method, String path, Object body, GraphQLContext context,
                               String idempotencyKey, Integer ifMatch) {
        return commandSide.send(method, path, body, CommandSide.Forwarded.of(context, idempotencyKey, ifMatch));
    }

    private Map<String, Object> check(String id, MediaType contentType, Object body, GraphQLContext context) {
        JsonNode answer = commandSide.ask(PRODUCTS + "/" + segment(id) + "/contracts:check", contentType, body,
                CommandSide.Forwarded.of(context, null, null));
        return objectMapper.convertValue(answer, ANSWER);
    }

    private static Map<String, Object> reason(String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        return body;
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
