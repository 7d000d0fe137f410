package com.acme.governance.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.acme.governance.local.mongo.DurableH2Backend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) whose data lives in one H2 MVStore file, so it survives
 * a stop and a restart of the process, and a {@code kill -9}: a write is answered only once it is on disk
 * ({@link DurableH2Backend}, ADR 0012). It listens on localhost only.
 */
public final class LocalMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMongo.class);

    /** Netty worker threads; each blocks while its writes are flushed, so more of them share each flush. */
    private static final int WORKER_THREADS = 16;
    private static final long MAINTENANCE_MINUTES = 1;

    private final Path file;
    private final int port;
    private final boolean forceToDevice;

    private MongoServer server;
    private DurableH2Backend backend;
    private ScheduledExecutorService maintenance;

    /**
     * @param file the H2 store file, created on first start
     * @param port the port to listen on
     */
    public LocalMongo(Path file, int port) {
        this(file, port, true);
    }

    /**
     * @param forceToDevice {@code fsync} before acknowledging, so acknowledged writes survive an operating-system
     *                      crash or power loss too; without it they survive the death of this process only
     */
    public LocalMongo(Path file, int port, boolean forceToDevice) {
        this.file = file;
        this.port = port;
        this.forceToDevice = forceToDevice;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        DurableH2Backend opened = DurableH2Backend.open(file, forceToDevice);
        MongoServer starting = new MongoServer(opened);
        try {
            starting.bind(new InetSocketAddress("localhost", port), 1, WORKER_THREADS);
        } catch (Exception e) {
            // Netty throws the checked BindException undeclared, hence Exception. Shutting down closes the
            // backend too, which releases the lock on the store file.
            starting.shutdownNow();
            throw new IllegalStateException("MongoDB-wire server did not start on port " + port, e);
        }
        server = starting;
        backend = opened;
        maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-mongo-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        maintenance.scheduleWithFixedDelay(this::maintain, MAINTENANCE_MINUTES, MAINTENANCE_MINUTES, TimeUnit.MINUTES);
        log.info("MongoDB-wire server listening on {}, data in {}", connectionString(), file);
    }

    /** Closes client connections and the backend, which commits and closes the store file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        maintenance.shutdownNow();
        server.shutdownNow();
        server = null;
        backend = null;
        log.info("MongoDB-wire server on port {} stopped", port);
    }

    private void maintain() {
        try {
            DurableH2Backend current;
            synchronized (this) {
                current = backend;
            }
            if (current != null) {
                current.maintain();
            }
        } catch (RuntimeException e) {
            log.warn("Compacting the MongoDB-wire store failed; it is retried in {} min", MAINTENANCE_MINUTES, e);
        }
    }

    /** The flushes and acknowledged writes so far, for the benchmark's batching figure; null when stopped. */
    public synchronized DurableH2Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }
}
