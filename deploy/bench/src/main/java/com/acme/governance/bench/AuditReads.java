package com.acme.governance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** B5 and B6, as an auditor asks: verify every hash chain, export the whole trail as NDJSON, access as of an instant. */
public final class AuditReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Events checked per second, and how many. */
    public record Verified(double eventsPerSecond, long events, boolean valid) {
    }

    private final Api api;

    public AuditReads(Api api) {
        this.api = api;
    }

    public Verified verify() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = api.expect(Duration.ofMinutes(30), 200, "dave", "GET",
                "/api/v1/audit/verify?digest=none", null);
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode body = JSON.readTree(answer.body());
        long events = body.path("eventsChecked").asLong();
        return new Verified(events / seconds, events, body.path("valid").asBoolean());
    }

    /** The whole trail as NDJSON, read line by line as it streams; events per second. */
    public double exportRate() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/audit/events"))
                .timeout(Duration.ofMinutes(30)).header("Accept", "application/x-ndjson")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("dave:dave-pw".getBytes(StandardCharsets.UTF_8))).build();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> answer = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("export: " + answer.statusCode());
        }
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines / ((System.nanoTime() - start) / 1e9);
    }

    /** Access to a product of the mix at a random instant between {@code from} and now. */
    public Samples accessAsOf(String run, int products, Instant from, int samples) {
        Samples latencies = new Samples();
        long span = Math.max(1, Duration.between(from, Instant.now()).toMillis());
        for (int i = 0; i < samples; i++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String product = "bench.p" + run + "-" + (1 + random.nextInt(Math.max(1, products)));
            Instant at = from.plusMillis(random.nextLong(span));
            long start = System.nanoTime();
            api.expect(200, "dave", "GET", "/api/v1/audit/access-as-of?dataProductId=" + product + "&at=" + at, null);
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }
}
