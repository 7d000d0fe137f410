package com.acme.governance.local.mongo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, changed so that a write is answered only once it is on disk (ADR 0012).
 *
 * <p>The stock backend opens its MVStore with auto-commit: changes stay in memory and a background thread writes
 * them about once a second, so a process killed with {@code kill -9} loses the writes of its last second although
 * every one of them had been acknowledged. Here the store has no background writer; after every command that may
 * have changed data, the worker thread waits for a {@link GroupCommit} that writes the store's new version and,
 * unless disabled, forces the file to the device, before the answer goes back to the client.
 *
 * <p>No answer shows what is not on disk: a read that may have seen a write still waiting for its flush waits
 * for that flush too, so no reader (the relay above all) can act on a write that a crash then loses. A client may
 * ask for less, in MongoDB's own terms ({@link DurabilityAsked}, ADR 0038): a write with {@code j: false} is answered
 * once applied in memory, a read with read concern {@code local} or {@code available} without waiting for a flush.
 * Every flush writes the whole store in the order of its changes, so a later write that waits makes those before
 * it durable too.
 *
 * <p>A commit never captures a command half done: commands run under a shared lock and the commit takes it
 * exclusively. Without that, a crash right after a commit could leave a document without its unique-index entry
 * (seen with the stock backend), or half of a multi-document insert.
 */
public final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** The commands that change data or metadata; names as the wire protocol sends them, compared lower-case. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropdatabase", "dropindexes", "renamecollection", "bulkwrite");

    public static final int H2_KEYS_PER_PAGE = 48;

    private final MVStore store;
    private final GroupCommit groupCommit;
    /** Fair, so that a waiting commit is not starved by a steady stream of commands. */
    private final ReadWriteLock commandsVersusCommit = new ReentrantReadWriteLock(true);

    private DurableH2Backend(MVStore store, boolean forceToDevice) {
        super(store, Clock.systemUTC());
        this.store = store;
        this.groupCommit = new GroupCommit(() -> {
            commandsVersusCommit.writeLock().lock();
            try {
                store.commit();
            } finally {
                commandsVersusCommit.writeLock().unlock();
            }
            if (forceToDevice) {
                store.sync();
            }
        });
    }

    /**
     * @param file          the store file, created if absent
     * @param forceToDevice also {@code fsync} each flush, so that acknowledged writes survive a power loss or an
     *                      operating-system crash, not only the death of this process
     */
    public static DurableH2Backend open(Path file, boolean forceToDevice) {
        return open(file, forceToDevice, H2_KEYS_PER_PAGE);
    }

    /** @param keysPerPage how many entries a page holds before it splits (H2's default is 48) */
    public static DurableH2Backend open(Path file, boolean forceToDevice, int keysPerPage) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toAbsolutePath().toString())
                .autoCommitDisabled() // no background writer: only GroupCommit writes, and synchronously
                // nor a store by the writing thread once ~19 MB are unsaved, which would capture a command half done
                .autoCommitBufferSize(0)
                .keysPerPage(keysPerPage)
                .open();
        log.info("Opened {} with writes acknowledged after commit{}", file, forceToDevice ? " and fsync" : "");
        return new DurableH2Backend(store, forceToDevice);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        commandsVersusCommit.readLock().lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            commandsVersusCommit.readLock().unlock(); // before waiting: the flush needs the exclusive side
            // In finally: a failing bulk write may still have applied part of its documents. A read waits too when
            // it may have seen a write that is not on disk yet: answering it would let a reader (the relay, above
            // all) act on a write that a crash then loses. The flush it waits for covers everything it saw.
            boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
            if (write ? DurabilityAsked.byWrite(query)
                    : DurabilityAsked.byRead(query) && (store.hasUnsavedChanges() || groupCommit.flushPending())) {
                groupCommit.awaitDurable();
            }
        }
    }

    /** Databases whose collections answer range and prefix queries from sorted indexes, not by scanning (ADR 0034). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName);
    }

    private final class IndexedH2Database extends H2Database {

        IndexedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases,
                                      Oplog oplog) {
            Document answered = command.equalsIgnoreCase("aggregate") ? aggregateFromItsMatch(query, databases, oplog)
                    : null;
            return answered != null ? answered : super.handleCommand(channel, command, query, databases, oplog);
        }

        /**
         * An aggregation that begins with {@code $match} (the driver's {@code countDocuments} sends one) run on the
         * documents a find of that match returns, which the sorted indexes serve, instead of the stock server's
         * stream of every document of the collection; the stages after it run as the stock server runs them. Null
         * for any other aggregation, left to the stock server.
         */
        private Document aggregateFromItsMatch(Document query, DatabaseResolver databases, Oplog oplog) {
            if (!(query.get("aggregate") instanceof String name) || query.containsKey("let")
                    || !(resolveCollection(name, false) instanceof IndexedH2Collection collection)) {
                return null;
            }
            List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
            if (pipeline.isEmpty() || pipeline.get(0).size() != 1
                    || !(pipeline.get(0).get("$match") instanceof Document match)) {
                return null;
            }
            Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), databases, this,
                    collection, oplog);
            rest.validate(query);
            List<Document> results = rest.runStages(collection.matching(match));
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(name))
                    .append("firstBatch", results);
            Document response = new Document("cursor", cursor);
            Utils.markOkay(response);
            return response;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the map names of the stock H2Database, so that a data directory written before stays readable
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore mvStore = getMvStore();
            return new IndexedH2Collection(this, collectionName, options, mvStore.openMap("databases." + namespace),
                    mvStore.openMap("meta." + namespace), cursorRegistry);
        }

        /**
         * Unique indexes in memory, filled from the collection's documents as the collection adds them (ADR 0041).
         * The stock backend's H2 map of the index, in a data directory written before, is removed: a build that
         * still uses it finds it empty and fills it from the documents in its turn, never from a stale copy.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String stockMap = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (getMvStore().hasMap(stockMap)) {
                getMvStore().removeMap(stockMap);
                log.info("Unique index {} is kept in memory from now on; its former map in the store is removed",
                        stockMap);
            }
            return new InMemoryUniqueIndex(indexName, keys, sparse);
        }
    }

    /** Writes what is left in memory and compacts sparse chunks; called now and then, since no background thread does. */
    public void maintain() {
        groupCommit.awaitDurable();
        commandsVersusCommit.writeLock().lock();
        try {
            store.compact(50, 16 * 1024 * 1024);
        } finally {
            commandsVersusCommit.writeLock().unlock();
        }
    }

    public long flushes() {
        return groupCommit.flushes();
    }

    public long acknowledgedWrites() {
        return groupCommit.acknowledged();
    }
}
