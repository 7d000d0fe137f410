package com.acme.governance.local;

import com.acme.governance.local.mongo.DurableH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: the audit trail's NDJSON export streams a large history with the query service's heap capped. The query
 * service runs as its own JVM with {@code -Xmx256m} (its store in this JVM, so the cap holds the service alone),
 * ingests {@code audit.export.products} x 4 events from Kafka, and an auditor
 * exports them all in one request, then runs the offline verifier jar on the file. Prints the measurement the
 * README quotes; its heap is sampled from the service's own metrics while the export runs.
 */
class AuditExportIT {

    /** 25,000 events in the test suite; the README's measurement ran {@code -Daudit.export.products=25000}. */
    private static final int PRODUCTS = Integer.getInteger("audit.export.products", 6_250);
    private static final int PARTITIONS = 3;
    private static final String DATABASE = "governance_read";
    private static final String MAX_HEAP = "256m";
    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAuditorExportsTheWholeHistoryFromAServiceWithItsHeapCappedAndVerifiesItOffline() throws Exception {
        LocalKafkaBroker broker = new LocalKafkaBroker(dir.resolve("kafka"), FreePort.find());
        // the local stack's own store, whose sorted indexes serve the export's keyset pages as MongoDB's indexes do
        MongoServer store = new MongoServer(DurableH2Backend.open(dir.resolve("store.mv"), false));
        int mongoPort = FreePort.find();
        store.bind("localhost", mongoPort);
        broker.start();
        QueryProcess service = null;
        try {
            long published = SyntheticHistory.publishProducts(broker.bootstrapServers(), PARTITIONS, PRODUCTS);
            int httpPort = FreePort.find();
            service = QueryProcess.serving(dir, "export", broker.bootstrapServers(), mongoPort, "governance-query",
                    DATABASE, MAX_HEAP, httpPort);
            long ingestStart = System.nanoTime();
            awaitAuditTrailHolds(service, mongoPort, published);
            double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;

            URI base = URI.create("http://localhost:" + httpPort);
            long heapBefore = heapUsed(base);
            AtomicLong heapPeak = new AtomicLong(heapBefore);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(heapUsedOrZero(base), Math::max),
                    0, 100, TimeUnit.MILLISECONDS);
            Path export = Files.createDirectories(Path.of("target", "audit-export")).resolve("export.ndjson");
            long lines;
            long exportStart = System.nanoTime();
            try {
                lines = exportTo(base, export);
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(5, TimeUnit.SECONDS);
            }
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            assertThat(service.isAlive()).as("the service survived the export\n" + service.logTail()).isTrue();
            assertThat(lines).as("one line per event").isEqualTo(published);

            Process verifier = new ProcessBuilder(java(), "-jar", System.getProperty("verifier.jar"),
                    "--events", export.toString()).redirectErrorStream(true).start();
            String report = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(verifier.waitFor()).as(report).isZero();
            assertThat(report).contains("\"valid\":true", "\"eventsChecked\":" + published,
                    "\"aggregatesChecked\":" + PRODUCTS);

            System.out.printf("[audit-export] %d events of %d aggregates ingested in %.1f s (%.0f events/s); "
                            + "exported as NDJSON (%d MB) in %.1f s (%.0f events/s) by a query service with -Xmx%s: "
                            + "heap used %d MB before the export, at most %d MB while it ran (sampled every 100 ms); "
                            + "the offline verifier: %s%n",
                    published, PRODUCTS, ingestSeconds, published / ingestSeconds, Files.size(export) >> 20,
                    exportSeconds, lines / exportSeconds, MAX_HEAP, heapBefore >> 20, heapPeak.get() >> 20, report);
        } finally {
            if (service != null) {
                service.stop();
            }
            broker.stop();
            store.shutdownNow();
        }
    }

    private static void awaitAuditTrailHolds(QueryProcess service, int mongoPort, long events) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!service.isAlive()) {
                    throw new AssertionError("the query service died\n" + service.logTail());
                }
                return client.getDatabase(DATABASE).getCollection("audit_events").countDocuments() >= events;
            });
        }
    }

    /** Streams the whole trail to {@code file}, one line at a time, as an auditor's client would. */
    private long exportTo(URI base, Path file) throws Exception {
        HttpResponse<InputStream> response = http.send(request(base.resolve("/api/v1/audit/events"), "dave")
                .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                lines++;
            }
        }
        return lines;
    }

    private long heapUsed(URI base) throws Exception {
        HttpResponse<String> response = http.send(request(base.resolve("/actuator/prometheus"), "admin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher pools = HEAP_USED.matcher(response.body());
        double used = 0;
        while (pools.find()) {
            used += Double.parseDouble(pools.group(1));
        }
        return (long) used;
    }

    private long heapUsedOrZero(URI base) {
        try {
            return heapUsed(base);
        } catch (Exception | AssertionError e) {
            return 0;
        }
    }

    private static HttpRequest.Builder request(URI uri, String user) {
        String credentials = user + ":" + user + "-pw";
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
