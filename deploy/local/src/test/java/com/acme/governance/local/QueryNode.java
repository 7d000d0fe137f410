package com.acme.governance.local;

import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.h2.mvstore.MVStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The query side alone, as its own JVM, with its MongoDB-wire store inside the same process: a crash of the process
 * is a crash of its store too. The store acknowledges writes before they are on disk and checkpoints to its file
 * once a second, like a MongoDB without journal recovering to its last checkpoint: a {@code kill -9} loses up to a
 * second of acknowledged writes, but what it keeps is a consistent snapshot. (H2's own background commit is not:
 * it was seen to keep a collection's document without its unique-index entry, and a later write without an earlier
 * one. Checkpoints are therefore taken between commands, never during one, and H2's store on a full write buffer,
 * which happens within a command, is off: the read side's bulk writes filled it within a second, ADR 0042.) Started by
 * {@link QueryProcess}; arguments:
 * {@code --node.mongo=h2:<file>|memory|external --node.mongo-port=<port> --node.counts=<file>} and any Spring
 * arguments ({@code external}: the store runs elsewhere, at {@code --spring.data.mongodb.uri}, and the process's
 * heap holds the query side only).
 * Every 100 ms the counts of {@link ProjectionDispatcher#EVENTS_COUNTER} are written to the counts file.
 */
public final class QueryNode {

    /** No store in this process: {@code --spring.data.mongodb.uri} names one elsewhere. */
    static final String EXTERNAL = "external";

    private QueryNode() {
    }

    public static void main(String[] args) throws Exception {
        String mongo = "memory";
        int mongoPort = 0;
        Path counts = null;
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--node.mongo=")) {
                mongo = arg.substring("--node.mongo=".length());
            } else if (arg.startsWith("--node.mongo-port=")) {
                mongoPort = Integer.parseInt(arg.substring("--node.mongo-port=".length()));
            } else if (arg.startsWith("--node.counts=")) {
                counts = Path.of(arg.substring("--node.counts=".length()));
            } else {
                springArgs.add(arg);
            }
        }
        MongoServer server = null;
        if (!EXTERNAL.equals(mongo)) {
            server = new MongoServer(backend(mongo));
            server.bind("localhost", mongoPort);
            springArgs.add("--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort);
        }
        ConfigurableApplicationContext context = SpringApplication.run(GovernanceQueryApplication.class,
                springArgs.toArray(String[]::new));
        if (counts != null) {
            reportCounts(context.getBean(MeterRegistry.class), counts);
        }
        if (server != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
    }

    private static MongoBackend backend(String mongo) {
        if (mongo.startsWith("h2:")) {
            // autoCommitDisabled stops H2's background writer only; without a buffer of 0, H2 also stores by itself
            // in the middle of a write once ~19 MB are unsaved, a snapshot taken within a command
            return new CheckpointingH2Backend(new MVStore.Builder().fileName(mongo.substring(3)).autoCommitDisabled()
                    .autoCommitBufferSize(0).open());
        }
        return new MemoryBackend();
    }

    /** Commands run concurrently; once a second, between commands, everything so far is committed to the file. */
    static final class CheckpointingH2Backend extends H2Backend {

        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        CheckpointingH2Backend(MVStore store) {
            super(store);
            ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "store-checkpoint");
                thread.setDaemon(true);
                return thread;
            });
            checkpoints.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
        }

        private void checkpoint() {
            lock.writeLock().lock();
            try {
                commit();
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(Channel channel, String database, String command,
                                                               de.bwaldvogel.mongo.bson.Document query) {
            lock.readLock().lock();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleMessage(MongoMessage message) {
            lock.readLock().lock();
            try {
                return super.handleMessage(message);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            lock.readLock().lock();
            try {
                return super.handleQuery(query);
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    private static void reportCounts(MeterRegistry meters, Path file) {
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "query-node-counts");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(() -> {
            String line = "applied=" + count(meters, "applied") + " duplicate=" + count(meters, "duplicate") + "\n";
            try {
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, line);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    private static long count(MeterRegistry meters, String outcome) {
        return (long) Search.in(meters).name(ProjectionDispatcher.EVENTS_COUNTER).tag("outcome", outcome).counters()
                .stream().mapToDouble(counter -> counter.count()).sum();
    }
}
