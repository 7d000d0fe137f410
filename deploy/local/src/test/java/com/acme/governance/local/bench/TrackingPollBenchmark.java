package com.acme.governance.local.bench;

import com.acme.governance.local.mongo.DurableH2Backend;
import com.acme.governance.local.mongo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: what one poll of an Axon tracking processor costs the embedded store as its look-back window fills.
 * The poll is Axon's own shape: every event since the token's timestamp less the look-back, except the events the
 * token lists as seen in that window ({@code eventIdentifier: {$nin: [...]}}), in order, a batch at a time; here
 * every listed event has been seen, so the answer is empty, as for a processor that is caught up. It asserts
 * nothing; run it as the README's "Benchmarks" says.
 */
class TrackingPollBenchmark {

    private static final int HISTORY = 20_000;
    private static final int[] WINDOWS = {500, 2_000, 8_000};
    private static final int POLLS = 30;
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void trackingPollCost() throws Exception {
        Path dir = Files.createTempDirectory("poll-bench");
        try (EmbeddedServer store = new EmbeddedServer(
                DurableH2Backend.open(dir.resolve("bench.mv"), true, DurableH2Backend.H2_KEYS_PER_PAGE), 16)) {
            MongoClient client = store.client();
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"));
            List<Document> history = new ArrayList<>();
            for (int i = 0; i < HISTORY; i++) {
                history.add(new Document("eventIdentifier", "event-" + i).append("aggregateIdentifier", "a" + i % 997)
                        .append("sequenceNumber", (long) i / 997).append("timestamp", at(i))
                        .append("serializedPayload", "x".repeat(400)));
            }
            events.insertMany(history);
            System.out.printf("%n| events in the look-back window | polls per second (median of %d) |%n| ---: | ---: |%n",
                    POLLS);
            for (int window : WINDOWS) {
                List<String> seen = new ArrayList<>();
                for (int i = HISTORY - window; i < HISTORY; i++) {
                    seen.add("event-" + i);
                }
                List<Double> rates = new ArrayList<>();
                for (int poll = 0; poll < POLLS; poll++) {
                    long start = System.nanoTime();
                    int found = events.find(Filters.and(Filters.gte("timestamp", at(HISTORY - window)),
                                    Filters.nin("eventIdentifier", seen)))
                            .sort(Sorts.ascending("timestamp", "sequenceNumber")).limit(100)
                            .into(new ArrayList<>()).size();
                    rates.add(1e9 / (System.nanoTime() - start));
                    if (found != 0) {
                        throw new IllegalStateException("the poll found " + found + " events it had seen");
                    }
                }
                System.out.printf("| %,d | %.1f |%n", window, median(rates));
            }
            // A processor far behind the head: its window's 2,000 events seen, 10,000 stored after them.
            List<String> seen = new ArrayList<>();
            for (int i = HISTORY - 12_000; i < HISTORY - 10_000; i++) {
                seen.add("event-" + i);
            }
            List<Double> rates = new ArrayList<>();
            for (int poll = 0; poll < POLLS; poll++) {
                long start = System.nanoTime();
                events.find(Filters.and(Filters.gte("timestamp", at(HISTORY - 12_000)),
                        Filters.nin("eventIdentifier", seen)))
                        .sort(Sorts.ascending("timestamp", "sequenceNumber")).limit(100).into(new ArrayList<>());
                rates.add(1e9 / (System.nanoTime() - start));
            }
            System.out.printf("| 2,000, and 10,000 events behind | %.1f |%n", median(rates));
        }
    }

    private static String at(int i) {
        return START.plusMillis(i * 10L).toString();
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
