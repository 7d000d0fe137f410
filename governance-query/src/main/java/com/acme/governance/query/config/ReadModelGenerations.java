package com.acme.governance.query.config;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Which generation of the read models serves: one document ({@code read_model_generations}, {@code _id: "live"})
 * names it, and a rebuild swaps it with one atomic write (ADR 0026). Generation 0 is the collections under their
 * plain names, so a database from before generations existed is generation 0 as it is.
 *
 * <p>Every query instance reads that document at most once per {@code cacheFor} (a bounded staleness that the swap
 * waits out). A thread can be pinned to a generation: the rebuild writes its target generation that way, and the
 * live consumer pins the live generation for the whole of one event, so that an event is never split between two.
 */
public class ReadModelGenerations {

    public static final String COLLECTION = "read_model_generations";
    static final String LIVE = "live";
    static final String GENERATION = "generation";
    static final String PREVIOUS = "previous";
    static final String SWAPPED_AT = "swappedAt";

    private final MongoCollection<Document> documents;
    private final Duration cacheFor;
    private final LongSupplier nanoTime;
    private final ThreadLocal<Long> pinned = new ThreadLocal<>();
    private volatile Cached cached;

    private record Cached(long generation, long readAt) {
    }

    public ReadModelGenerations(MongoCollection<Document> documents, Duration cacheFor) {
        this(documents, cacheFor, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock the cache and a reading's age are measured by ({@link System#nanoTime}) */
    public ReadModelGenerations(MongoCollection<Document> documents, Duration cacheFor, LongSupplier nanoTime) {
        this.documents = documents;
        this.cacheFor = cacheFor;
        this.nanoTime = nanoTime;
    }

    /** How stale an instance's idea of the live generation may be. */
    public Duration cacheFor() {
        return cacheFor;
    }

    /** The live generation as this instance last read it, read again when older than {@link #cacheFor()}. */
    public long live() {
        Cached last = cached;
        if (last != null && nanoTime.getAsLong() - last.readAt() < cacheFor.toNanos()) {
            return last.generation();
        }
        return liveNow();
    }

    /**
     * The live generation as this instance knows it, and when it read it from the database: for a write that must
     * learn afterwards whether a swap may have left it behind (see {@link #swappedSince}).
     */
    public Reading reading() {
        live();
        Cached last = cached;
        return new Reading(last.generation(), last.readAt());
    }

    /**
     * The generation that replaced {@code reading}'s since it was read, when writes made on the old one may be
     * missing from it; else empty. A swap drains whatever the live consumer recorded as applied into the new
     * generation twice: at once, and again twice {@link #cacheFor()} later. Work recorded within twice
     * {@code cacheFor} of the reading is therefore in the second drain (the swap came after the reading), and only
     * slower work needs to ask the database.
     */
    public OptionalLong swappedSince(Reading reading) {
        if (nanoTime.getAsLong() - reading.readAtNanos() < cacheFor.multipliedBy(2).toNanos()) {
            return OptionalLong.empty();
        }
        long live = liveNow();
        return live == reading.generation() ? OptionalLong.empty() : OptionalLong.of(live);
    }

    /** The live generation and the time (of the generations' clock, in nanoseconds) it was read from the database. */
    public record Reading(long generation, long readAtNanos) {
    }

    /** Whether this thread is pinned to a generation (a rebuild's writes), rather than following the live one. */
    public boolean isPinned() {
        return pinned.get() != null;
    }

    /** The live generation as the database has it now. */
    public long liveNow() {
        Document live = liveDocument();
        long generation = live == null ? 0 : live.get(GENERATION, Number.class).longValue();
        cached = new Cached(generation, nanoTime.getAsLong());
        return generation;
    }

    /** The generation document: {@code generation}, and after a swap {@code previous} and {@code swappedAt}; or null. */
    public Document liveDocument() {
        return documents.find(Filters.eq("_id", LIVE)).first();
    }

    /** The generation this thread reads and writes: the one it is pinned to, else the live one. */
    public long current() {
        Long generation = pinned.get();
        return generation == null ? live() : generation;
    }

    /** Runs {@code work} with this thread's every read-model operation on {@code generation}. */
    public <T> T pinned(long generation, Supplier<T> work) {
        try (Pin pin = pin(generation)) {
            return work.get();
        }
    }

    public void pinned(long generation, Runnable work) {
        pinned(generation, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Pins this thread to {@code generation} until the returned pin is closed, which restores what was pinned before:
     * for work that does not fit in one call, such as an HTTP request between its interceptor's callbacks.
     */
    public Pin pin(long generation) {
        Long before = pinned.get();
        pinned.set(generation);
        return () -> {
            if (before == null) {
                pinned.remove();
            } else {
                pinned.set(before);
            }
        };
    }

    /** A thread's pin to one generation; closing it restores the thread's previous pin, or none. */
    @FunctionalInterface
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }


    /**
     * The swap: one conditional write, so that of two racing rebuilds at most one wins.
     *
     * @return false if {@code from} was not the live generation (nothing changed then)
     */
    public boolean swap(long from, long to) {
        try {
            documents.insertOne(new Document("_id", LIVE).append(GENERATION, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        boolean swapped = documents.updateOne(Filters.and(Filters.eq("_id", LIVE), Filters.eq(GENERATION, from)),
                Updates.combine(Updates.set(GENERATION, to), Updates.set(PREVIOUS, from),
                        Updates.set(SWAPPED_AT, Date.from(Instant.now())))).getMatchedCount() == 1;
        liveNow();
        return swapped;
    }

    /** Where a read model's collection of a generation lives: generation 0 keeps the plain name. */
    public static String physicalName(String name, long generation) {
        return generation == 0 ? name : name + "_g" + generation;
    }
}
