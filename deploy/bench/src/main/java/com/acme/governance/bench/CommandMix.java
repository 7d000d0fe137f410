package com.acme.governance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The realistic command mix (B1), as one story a client tells again and again: the owner team registers a product,
 * updates it, publishes a contract and the product; another team asks for access; the owner approves; the grant
 * is revoked. Seven commands, each answered before the next is sent, as a person's tool would.
 */
public final class CommandMix {

    /** The command types of the story, in order. */
    public enum Step { REGISTER, UPDATE, CONTRACT, PUBLISH, REQUEST, APPROVE, REVOKE }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NAMES = new AtomicLong();

    private final Api api;
    private final String run;
    private final Map<Step, Samples> latencies = new ConcurrentHashMap<>();
    private final Samples all = new Samples();
    private volatile String lastToken;

    public CommandMix(Api api, String run) {
        this.api = api;
        this.run = run;
    }

    /** A policy that INTERNAL products match, so that every request is decided by a policy, as in a real mesh. */
    public static void definePolicy(Api api, String run) {
        HttpResponse<String> defined = api.send("carol", "POST", "/api/v1/policies", """
                {"id": "bench-%s", "name": "Benchmark", "scope": {"domain": null},
                 "rules": [{"when": {"classifications": ["INTERNAL"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 90, "purposeRequired": true}}]}"""
                .formatted(run));
        if (defined.statusCode() != 201 && defined.statusCode() != 409) {
            throw new IllegalStateException("the benchmark policy: " + defined.statusCode() + " " + defined.body());
        }
    }

    /** Tells the story once, or up to the deadline (in {@link System#nanoTime()}); the commands answered. */
    public int tellOnce(long deadline) {
        String name = "p" + run + "-" + NAMES.incrementAndGet();
        String request = null;
        int done = 0;
        for (Step step : Step.values()) {
            if (done > 0 && System.nanoTime() > deadline) {
                break;
            }
            HttpResponse<String> answer = perform(step, name, request);
            if (step == Step.REQUEST) {
                request = idOf(answer);
            }
            done++;
        }
        return done;
    }

    private HttpResponse<String> perform(Step step, String name, String request) {
        String id = "bench." + name;
        return switch (step) {
            case REGISTER -> timed(step, "alice", "POST", "/api/v1/data-products", 201, product(name));
            case UPDATE -> timed(step, "alice", "PUT", "/api/v1/data-products/" + id, 200, """
                    {"title": "%s, updated", "description": "%s", "classification": "INTERNAL",
                     "tags": ["bench", "updated"], "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC",
                     "address": "bench.%s.v1"}]}""".formatted(ProductWords.title(name), ProductWords.description(name),
                    name), "If-Match", "\"1\"");
            case CONTRACT -> timed(step, "alice", "POST", "/api/v1/data-products/" + id + "/contracts", 201, """
                    {"version": "1.0.0", "schemaType": "JSON_SCHEMA", "schema": {"type": "object",
                     "required": ["id"], "properties": {"id": {"type": "string"}, "total": {"type": "number"}}}}""");
            case PUBLISH -> timed(step, "alice", "POST", "/api/v1/data-products/" + id + "/publish", 200, null);
            case REQUEST -> timed(step, "bob", "POST", "/api/v1/access-requests", 201, """
                    {"dataProductId": "%s", "consumerTeam": "marketing", "purpose": "campaign attribution",
                     "durationDays": 30}""".formatted(id));
            case APPROVE -> timed(step, "alice", "POST", "/api/v1/access-requests/" + request + "/approve", 200,
                    null);
            case REVOKE -> timed(step, "alice", "POST", "/api/v1/access-grants/" + request + "/revoke", 200,
                    "{\"reason\": \"campaign over\"}");
        };
    }

    private HttpResponse<String> timed(Step step, String user, String method, String path, int status, String body,
                                       String... headers) {
        long start = System.nanoTime();
        HttpResponse<String> response = api.expect(status, user, method, path, body, headers);
        long elapsed = System.nanoTime() - start;
        latencies.computeIfAbsent(step, any -> new Samples()).add(elapsed);
        all.add(elapsed);
        lastToken = Api.token(response);
        return response;
    }

    static String product(String name) {
        return """
                {"domain": "bench", "name": "%s", "title": "%s", "description": "%s",
                 "ownerTeam": "sales", "classification": "INTERNAL", "tags": ["bench"],
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "bench.%s.v1"}]}"""
                .formatted(name, ProductWords.title(name), ProductWords.description(name), name);
    }

    private static String idOf(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no id in " + response.body(), e);
        }
    }

    /** How many products the mixes of this JVM registered: they are named {@code bench.p<run>-1} onwards. */
    public static int registered() {
        return (int) NAMES.get();
    }

    public Samples all() {
        return all;
    }

    public Map<Step, Samples> byStep() {
        return latencies;
    }

    /** The token of the last command this mix had answered. */
    public String lastToken() {
        return lastToken;
    }
}
