package com.acme.governance.local.mongo;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * The positions of a collection's documents by the value of one top-level field, sorted as the server compares
 * values, in memory. It answers which documents may match an equality or a range on that field, always a superset
 * of those that do (the caller still matches every candidate against the whole query). A document whose value is
 * an array would need multikey semantics: from then on the index declines every query.
 */
final class SortedFieldIndex {

    private static final ValueComparator ORDER = ValueComparator.asc();

    private final String field;
    private final NavigableMap<Object, Set<Object>> positions = new ConcurrentSkipListMap<>(ORDER);
    private final LongAdder entries = new LongAdder();
    private volatile boolean multikey;

    SortedFieldIndex(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    void add(Document document, Object position) {
        Object value = document.get(field);
        if (value instanceof Collection<?>) {
            multikey = true;
        } else if (value != null
                && positions.computeIfAbsent(value, any -> new ConcurrentSkipListSet<>(ORDER)).add(position)) {
            entries.increment();
        }
    }

    void remove(Document document, Object position) {
        Object value = document.get(field);
        if (value != null && !(value instanceof Collection<?>)) {
            positions.computeIfPresent(value, (key, held) -> {
                if (held.remove(position)) {
                    entries.decrement();
                }
                return held.isEmpty() ? null : held;
            });
        }
    }

    /**
     * Whether every one of the collection's {@code documents} is in this index, each with a single value: then the
     * whole index, in order, is every document sorted by the field.
     */
    boolean coversAll(long documents) {
        return !multikey && entries.sum() == documents;
    }

    /** Every document of the index, in the field's order; null when it cannot answer. */
    Iterable<Object> all() {
        return candidates(new Condition(null, null, false, null, false));
    }

    /** The candidates for this condition on the field, in the field's order, or null when the index cannot answer it. */
    Iterable<Object> candidates(Condition condition) {
        if (multikey) {
            return null;
        }
        NavigableMap<Object, Set<Object>> range = positions;
        if (condition.equalTo() != null) {
            Set<Object> equal = positions.get(condition.equalTo());
            return equal == null ? List.of() : equal;
        }
        if (condition.lower() != null) {
            range = range.tailMap(condition.lower(), condition.lowerInclusive());
        }
        if (condition.upper() != null) {
            range = range.headMap(condition.upper(), condition.upperInclusive());
        }
        Collection<Set<Object>> sets = range.values();
        return () -> flatten(sets.iterator());
    }

    private static Iterator<Object> flatten(Iterator<Set<Object>> sets) {
        return new Iterator<>() {
            private Iterator<Object> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && sets.hasNext()) {
                    current = sets.next().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Equality, or a range with either bound or both, on one field. */
    record Condition(Object equalTo, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    }
}
