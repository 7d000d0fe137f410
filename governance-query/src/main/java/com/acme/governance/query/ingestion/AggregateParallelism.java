package com.acme.governance.query.ingestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Applies the records of one poll with their aggregates side by side: the records of one aggregate in their order on
 * one thread, different aggregates on different threads. Each event costs a few round trips to the store; one after
 * another, catching up is bounded by their latency, whereas side by side the store serves many at once (and, where
 * a write waits for durability, one flush or one replication round acknowledges many). An event depends only on the
 * earlier events of its own aggregate (ADR 0018), so that is the only order to keep.
 */
public final class AggregateParallelism implements AutoCloseable {

    private final int parallelism;
    private final ExecutorService threads;

    /**
     * @param applied how many records, from the first, were all applied: the records after them may or may not
     *                have been (each is applied again, idempotently, when it is delivered again)
     * @param failure why the record at index {@code applied} was not applied; null when every record was
     */
    public record Outcome(int applied, RuntimeException failure) {
    }

    /**
     * @param parallelism at most this many aggregates at once; 1 applies every record on the caller's thread
     * @param threadName  what its threads are called, numbered, so that a thread dump tells live work from a rebuild
     */
    public AggregateParallelism(int parallelism, String threadName) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.threads = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism, daemonThreads(threadName));
    }

    public int parallelism() {
        return parallelism;
    }

    /** Applies {@code records} with {@code apply}, which throws for a record it could not apply. */
    public Outcome run(List<ConsumerRecord<String, byte[]>> records, Consumer<ConsumerRecord<String, byte[]>> apply) {
        Map<String, List<Integer>> byAggregate = byAggregate(records);
        if (threads == null || byAggregate.size() == 1) {
            return sequentially(records, apply);
        }
        ConcurrentSkipListMap<Integer, RuntimeException> failures = new ConcurrentSkipListMap<>();
        List<CompletableFuture<Void>> aggregates = new ArrayList<>(byAggregate.size());
        for (List<Integer> indexes : byAggregate.values()) {
            aggregates.add(CompletableFuture.runAsync(() -> inOrder(records, indexes, apply, failures), threads));
        }
        try {
            CompletableFuture.allOf(aggregates.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // only an Error gets here: every RuntimeException of a record is kept in failures
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        if (failures.isEmpty()) {
            return new Outcome(records.size(), null);
        }
        Map.Entry<Integer, RuntimeException> first = failures.firstEntry();
        return new Outcome(first.getKey(), first.getValue());
    }

    /**
     * One aggregate's records in their order, up to its first failure. Every record before the earliest failure of
     * the whole poll belongs to an aggregate that had not failed yet, so those records were all applied.
     */
    private static void inOrder(List<ConsumerRecord<String, byte[]>> records, List<Integer> indexes,
                                Consumer<ConsumerRecord<String, byte[]>> apply,
                                ConcurrentSkipListMap<Integer, RuntimeException> failures) {
        for (int index : indexes) {
            if (!failures.isEmpty() && index > failures.firstKey()) {
                return; // delivered again from the earliest failure anyway
            }
            try {
                apply.accept(records.get(index));
            } catch (RuntimeException e) {
                failures.put(index, e);
                return;
            }
        }
    }

    private static Outcome sequentially(List<ConsumerRecord<String, byte[]>> records,
                                        Consumer<ConsumerRecord<String, byte[]>> apply) {
        for (int index = 0; index < records.size(); index++) {
            try {
                apply.accept(records.get(index));
            } catch (RuntimeException e) {
                return new Outcome(index, e);
            }
        }
        return new Outcome(records.size(), null);
    }

    /** Record indexes per aggregate, in the poll's order; records naming no aggregate go together, in order. */
    private static Map<String, List<Integer>> byAggregate(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Integer>> byAggregate = new LinkedHashMap<>();
        for (int index = 0; index < records.size(); index++) {
            String aggregateId = RecordDecoder.aggregateIdOf(records.get(index));
            byAggregate.computeIfAbsent(aggregateId == null ? "" : aggregateId, id -> new ArrayList<>()).add(index);
        }
        return byAggregate;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdown();
        }
    }
}
