package com.acme.governance.local.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index of the embedded store, held in memory and rebuilt from the documents when the store opens
 * (ADR 0041). The stock H2 backend keeps each unique index in an H2 map keyed by mongo-java-server's
 * {@code KeyValue}, a type H2 does not know: H2 then orders the keys by their Java serialisation, serialising both
 * keys of every comparison, so each lookup costs some thirty serialisations (60% of the store's CPU for a read
 * model's update, StoreBulkWriteBenchmark's profile). A hash map answers the same lookups without them. Derived from
 * the documents, it can never disagree with them after a crash.
 */
final class InMemoryUniqueIndex extends AbstractUniqueIndex<Object> {

    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
