package com.acme.governance.local.mongo;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * The positions of a collection's documents by the value of one top-level field, sorted as the server compares
 * values, in memory. It answers which documents may match an equality, a range or a prefix on that field, always a
 * superset of those that do (the caller still matches every candidate against the whole query). A document whose
 * value is an array is kept under each of its elements, as MongoDB's multikey indexes keep it: from then on the
 * index declines what multikey semantics would not serve exactly (a range with two bounds, which two elements may
 * meet one each; an array inside an array), and the candidates of a range are told once each.
 */
final class SortedFieldIndex {

    private static final ValueComparator ORDER = ValueComparator.asc();

    private final String field;
    private final NavigableMap<Object, Set<Object>> positions = new ConcurrentSkipListMap<>(ORDER);
    private final LongAdder entries = new LongAdder();
    private volatile boolean multikey;
    private volatile boolean nestedArrays;

    SortedFieldIndex(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    /** Whether some document held an array in the field: then one document may stand under several keys. */
    boolean multikey() {
        return multikey;
    }

    void add(Document document, Object position) {
        for (Object key : keys(document.get(field), true)) {
            if (positions.computeIfAbsent(key, any -> new ConcurrentSkipListSet<>(ORDER)).add(position)) {
                entries.increment();
            }
        }
    }

    void remove(Document document, Object position) {
        for (Object key : keys(document.get(field), false)) {
            positions.computeIfPresent(key, (value, held) -> {
                if (held.remove(position)) {
                    entries.decrement();
                }
                return held.isEmpty() ? null : held;
            });
        }
    }

    /** The keys a value stands under: itself, or each distinct element of an array. */
    private Collection<Object> keys(Object value, boolean adding) {
        if (!(value instanceof Collection<?> elements)) {
            return value == null ? List.of() : List.of(value);
        }
        if (adding) {
            multikey = true;
        }
        Set<Object> keys = new LinkedHashSet<>();
        for (Object element : elements) {
            if (element instanceof Collection<?>) {
                nestedArrays |= adding;
            } else if (element != null) {
                keys.add(element);
            }
        }
        return keys;
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
        return multikey ? null : candidates(new Condition(null, null, false, null, false, false));
    }

    /** The candidates for this condition on the field, in the field's order, or null when the index cannot answer it. */
    Iterable<Object> candidates(Condition condition) {
        if (nestedArrays || multikey && condition.lower() != null && condition.upper() != null
                && !condition.boundsMetByOneValue()) {
            return null;
        }
        if (condition.equalTo() != null) {
            Set<Object> equal = positions.get(condition.equalTo());
            return equal == null ? List.of() : equal;
        }
        NavigableMap<Object, Set<Object>> range = positions;
        if (condition.lower() != null) {
            range = range.tailMap(condition.lower(), condition.lowerInclusive());
        }
        if (condition.upper() != null) {
            range = range.headMap(condition.upper(), condition.upperInclusive());
        }
        Collection<Set<Object>> sets = range.values();
        boolean distinct = !multikey;
        return () -> flatten(sets.iterator(), distinct);
    }

    private static Iterator<Object> flatten(Iterator<Set<Object>> sets, boolean distinct) {
        Set<Object> told = distinct ? null : new HashSet<>();
        return new Iterator<>() {
            private Iterator<Object> current = Collections.emptyIterator();
            private Object next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    while (!current.hasNext() && sets.hasNext()) {
                        current = sets.next().iterator();
                    }
                    if (!current.hasNext()) {
                        return false;
                    }
                    Object candidate = current.next();
                    if (told == null || told.add(candidate)) {
                        next = candidate;
                    }
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object candidate = next;
                next = null;
                return candidate;
            }
        };
    }

    /**
     * Equality, or a range with either bound or both, on one field.
     *
     * @param boundsMetByOneValue whether one value must meet both bounds (a prefix), which a multikey index serves;
     *                            {@code $gt} with {@code $lt} may be met by two elements of an array, which it cannot
     */
    record Condition(Object equalTo, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive,
                     boolean boundsMetByOneValue) {
    }
}
