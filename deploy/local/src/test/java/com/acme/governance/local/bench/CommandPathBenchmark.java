package com.acme.governance.local.bench;

import com.acme.governance.local.GovernanceLocalApplication;
import com.acme.governance.local.LocalStackSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: a benchmark of the write path as a client sees it (HTTP, security, Axon, the MongoDB-wire event store,
 * the relay and the Kafka-fed read side all running in one JVM on this machine). It reports, it asserts nothing.
 * Run it on its own, as the README's "Benchmarks" section says; it is not part of {@code ./mvnw verify}.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandPathBenchmark extends LocalStackSupport {

    private static final int ROUNDS = 3;
    private static final int CLIENTS = 8;
    private static final int COMMANDS_PER_CLIENT = 100;
    private static final int LAG_SAMPLES = 150;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String lastRegistered;

    @Test
    void writePathThroughputLatencyAndReadYourWritesLag() throws Exception {
        registrations(CLIENTS, 50); // warm-up
        List<Double> throughputs = new ArrayList<>();
        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> lagP50s = new ArrayList<>();
        List<Double> lagP99s = new ArrayList<>();
        List<Double> drains = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            List<Long> latencies = registrations(CLIENTS, COMMANDS_PER_CLIENT);
            long burstEnd = System.nanoTime();
            double seconds = (burstEnd - start) / 1e9;
            throughputs.add(latencies.size() / seconds);
            awaitReadable(lastRegistered);
            drains.add((System.nanoTime() - burstEnd) / 1e6);
            p50s.add(percentile(latencies, 50));
            p99s.add(percentile(latencies, 99));
            List<Long> lags = readYourWritesLags(LAG_SAMPLES);
            lagP50s.add(percentile(lags, 50));
            lagP99s.add(percentile(lags, 99));
            System.out.printf("round %d: %.0f commands/s, latency p50 %.1f ms p99 %.1f ms; read side caught up %.0f ms "
                            + "after the burst; command-to-readable p50 %.1f ms p99 %.1f ms%n", round,
                    throughputs.get(round - 1), p50s.get(round - 1), p99s.get(round - 1), drains.get(round - 1),
                    lagP50s.get(round - 1), lagP99s.get(round - 1));
        }
        System.out.printf("MEDIAN of %d rounds (%d clients x %d registrations): %.0f commands/s, latency p50 %.1f ms, "
                        + "p99 %.1f ms; read side caught up %.0f ms after the burst; command answered to read model "
                        + "applied (with the token, one client) p50 %.1f ms, p99 %.1f ms%n",
                ROUNDS, CLIENTS, COMMANDS_PER_CLIENT, median(throughputs), median(p50s), median(p99s), median(drains),
                median(lagP50s), median(lagP99s));
    }

    private List<Long> registrations(int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = register();
                        latencies.add(System.nanoTime() - start);
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                        lastRegistered = response.headers().firstValue("X-Governance-Token").orElseThrow();
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** From the moment a command is answered to the moment a read with its token answers: the read side's lag. */
    private List<Long> readYourWritesLags(int samples) throws Exception {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            HttpResponse<String> created = register();
            long answered = System.nanoTime();
            String token = created.headers().firstValue("X-Governance-Token").orElseThrow();
            String id = token.substring(0, token.lastIndexOf(':'));
            HttpResponse<String> read = http.send(request("/api/v1/data-products/" + id)
                    .header("X-Governance-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (read.statusCode() != 200) {
                throw new IllegalStateException(read.statusCode() + " " + read.body());
            }
            lags.add(System.nanoTime() - answered);
        }
        return lags;
    }

    /** Reads with the token until the read model has it: each read waits up to the bounded consistency timeout. */
    private void awaitReadable(String token) throws Exception {
        String id = token.substring(0, token.lastIndexOf(':'));
        while (http.send(request("/api/v1/data-products/" + id).header("X-Governance-Token", token).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 503) {
            // the read side is still behind: ask again, the server does the waiting
        }
    }

    private HttpResponse<String> register() throws Exception {
        String body = """
                {"domain": "bench", "name": "product-%d", "title": "Benchmark product", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": ["bench"], "outputPorts": []}
                """.formatted(NAMES.incrementAndGet());
        return http.send(request("/api/v1/data-products").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("alice:alice-pw".getBytes(StandardCharsets.UTF_8)));
    }

    private static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
