package com.acme.governance.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) whose data lives in one H2 MVStore file, so it survives
 * a stop and a restart of the process. It listens on localhost only.
 */
public final class LocalMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMongo.class);

    private final Path file;
    private final int port;

    private MongoServer server;

    /**
     * @param file the H2 store file, created on first start
     * @param port the port to listen on
     */
    public LocalMongo(Path file, int port) {
        this.file = file;
        this.port = port;
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
        H2Backend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer starting = new MongoServer(backend);
        try {
            starting.bind("localhost", port);
        } catch (Exception e) {
            // Netty throws the checked BindException undeclared, hence Exception. Shutting down closes the
            // backend too, which releases the lock on the store file.
            starting.shutdownNow();
            throw new IllegalStateException("MongoDB-wire server did not start on port " + port, e);
        }
        server = starting;
        log.info("MongoDB-wire server listening on {}, data in {}", connectionString(), file);
    }

    /** Closes client connections and the backend, which commits and closes the store file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        server = null;
        log.info("MongoDB-wire server on port {} stopped", port);
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
