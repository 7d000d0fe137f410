package com.acme.governance.query.mutation;

import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.web.CorrelationIdFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import graphql.GraphQLContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The command side's REST API, as GraphQL mutations reach it (adr/0030): each mutation is the REST command it
 * names, sent with the caller's own credentials, Idempotency-Key and If-Match, so that the command side alone
 * authenticates, authorizes, validates and decides, exactly as for a REST client. Its answer comes back as a
 * {@link CommandResult}; its refusal as a {@link CommandRefusedException} carrying the problem it answered.
 */
@Component("queryCommandSide")
public class CommandSide {

    /** The {@code Authorization} header of the GraphQL request, kept in the GraphQL context for the mutations. */
    public static final String AUTHORIZATION = CommandSide.class.getName() + ".authorization";
    /** The GraphQL request's correlation id, kept in the GraphQL context: the decision's events carry it. */
    public static final String CORRELATION_ID = CommandSide.class.getName() + ".correlationId";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient client;
    private final ObjectMapper objectMapper;
    private final Environment environment;
    private final String url;

    public CommandSide(CommandSideProperties properties, ObjectMapper objectMapper, Environment environment) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().requestFactory(requests).build();
        this.objectMapper = objectMapper;
        this.environment = environment;
        this.url = properties.url();
    }

    /**
     * The headers a mutation forwards: the caller's credentials and the request's correlation id, and its idempotency
     * key and version if given.
     */
    public record Forwarded(String authorization, String correlationId, String idempotencyKey, Long ifMatch) {

        public static Forwarded of(GraphQLContext context, String idempotencyKey, Number ifMatch) {
            return new Forwarded(context.get(AUTHORIZATION), context.get(CORRELATION_ID), idempotencyKey,
                    ifMatch == null ? null : ifMatch.longValue());
        }
    }

    /**
     * @param body the REST body as JSON, null for a command without one
     * @throws CommandRefusedException         when the command side refused it (any status but 2xx)
     * @throws CommandSideUnavailableException when it could not be reached or did not answer in time
     */
    public CommandResult send(HttpMethod method, String path, Object body, Forwarded forwarded) {
        return send(method, path, MediaType.APPLICATION_JSON, body, forwarded);
    }

    /** As {@link #send(HttpMethod, String, Object, Forwarded)}, with a body of another type (an ODCS document). */
    public CommandResult send(HttpMethod method, String path, MediaType contentType, Object body,
                              Forwarded forwarded) {
        return exchange(method, path, contentType, body, forwarded, (status, token, answer) -> {
            if (token == null) {
                throw new CommandRefusedException(status, answer);
            }
            GovernanceToken decided = GovernanceToken.parse(token);
            return new CommandResult(decided.aggregateId(), decided.version(), token, status != 202);
        });
    }

    /**
     * A question the command side answers without deciding anything (a contract's dry run): its 2xx body, as JSON.
     *
     * @throws CommandRefusedException         when the command side refused it (any status but 2xx)
     * @throws CommandSideUnavailableException when it could not be reached or did not answer in time
     */
    public JsonNode ask(String path, MediaType contentType, Object body, Forwarded forwarded) {
        return exchange(HttpMethod.POST, path, contentType, body, forwarded, (status, token, answer) -> answer);
    }

    private interface Answered<T> {
        T answer(int status, String token, JsonNode body);
    }

    private <T> T exchange(HttpMethod method, String path, MediaType contentType, Object body, Forwarded forwarded,
                           Answered<T> answered) {
        // the path is encoded already (each id one segment): taken as it is, not as a template to encode again
        RestClient.RequestBodySpec request = client.method(method).uri(URI.create(baseUrl() + path))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> forward(headers, forwarded));
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        try {
            return request.exchange((sent, response) -> {
                int status = response.getStatusCode().value();
                JsonNode answer = read(response.getBody().readAllBytes());
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new CommandRefusedException(status, answer);
                }
                return answered.answer(status, response.getHeaders().getFirst(GovernanceToken.HEADER), answer);
            });
        } catch (ResourceAccessException e) {
            throw new CommandSideUnavailableException("The command side did not answer: whether the decision was "
                    + "taken is unknown; retry with the same idempotencyKey to be sure it is taken once.", e);
        }
    }

    private static void forward(HttpHeaders headers, Forwarded forwarded) {
        // the GraphQL request's id, so that the decision's events carry it as a REST call's do
        if (forwarded.correlationId() != null) {
            headers.set(CorrelationIdFilter.HEADER, forwarded.correlationId());
        }
        if (forwarded.authorization() != null) {
            headers.set(HttpHeaders.AUTHORIZATION, forwarded.authorization());
        }
        if (forwarded.idempotencyKey() != null) {
            headers.set(IDEMPOTENCY_KEY, forwarded.idempotencyKey());
        }
        if (forwarded.ifMatch() != null) {
            headers.setIfMatch("\"" + forwarded.ifMatch() + "\"");
        }
    }

    private JsonNode read(byte[] body) throws IOException {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return objectMapper.readTree(body);
        } catch (IOException notJson) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** This very server when none is configured: the local stack answers both sides on one port. */
    private String baseUrl() {
        if (!url.isBlank()) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
