package com.acme.governance.local.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The stock H2 collection, except that queries its indexes cannot serve exactly (an equality or a range on the first
 * field of a compound index, or on the field of a non-unique one, which the stock server keeps no data for) are
 * answered from a {@link SortedFieldIndex} instead of a scan of every document: Axon's aggregate load
 * ({@code aggregateIdentifier} and a sequence range), its tracking processors' polls (a {@code timeStamp} range),
 * the read models' secondary lookups. Results are the same: every candidate is matched against the whole query and
 * sorted as before (ADR 0035). The sorted indexes live in memory and are rebuilt from the documents when the store
 * opens. Candidates that a long {@code $nin} of the query excludes for certain are left out before matching
 * (ADR 0043).
 */
final class IndexedH2Collection extends H2Collection {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte", "$eq");
    private static final ValueComparator VALUES = ValueComparator.asc();

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);
    private static final LongAdder SERVED = new LongAdder();
    private static final LongAdder LEFT_OUT = new LongAdder();
    private static final LongAdder STOPPED_AT_LIMIT = new LongAdder();
    private static final int SCAN_WORTH_REPORTING = 1000;
    private static final Set<String> SCANNED_SHAPES = ConcurrentHashMap.newKeySet();
    private static final int EXCLUSION_WORTH_A_SET = 16;

    private final Map<String, SortedFieldIndex> sorted = new ConcurrentHashMap<>();

    /** How many queries of this JVM a sorted index answered, rather than a scan. */
    static long queriesServedFromSortedIndexes() {
        return SERVED.sum();
    }

    /** How many candidates of this JVM's queries a {@code $nin} set left out before matching. */
    static long candidatesLeftOutByExclusion() {
        return LEFT_OUT.sum();
    }

    /** How many queries of this JVM stopped reading candidates at their limit, in the sort's order. */
    static long queriesStoppedAtTheirLimit() {
        return STOPPED_AT_LIMIT.sum();
    }

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    public synchronized void addIndex(Index<Object> index) {
        super.addIndex(index);
        String field = index.getKeys().get(0).getKey();
        boolean servedExactly = index.isUnique() && index.getKeys().size() == 1;
        if (servedExactly || field.equals(getIdField()) || field.contains(".") || sorted.containsKey(field)) {
            return;
        }
        SortedFieldIndex built = new SortedFieldIndex(field);
        streamAllDocumentsWithPosition().forEach(held -> built.add(held.getDocument(), held.getPosition()));
        sorted.put(field, built);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        sorted.values().forEach(index -> index.add(document, position));
        return position;
    }

    @Override
    protected void removeDocument(Object position) {
        Document document = getDocument(position);
        super.removeDocument(position);
        if (document != null) {
            sorted.values().forEach(index -> index.remove(document, position));
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        sorted.values().forEach(index -> {
            index.remove(oldDocument, position);
            index.add(newDocument, position);
        });
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        boolean exact = getIndexes().stream().anyMatch(index -> index.canHandle(query));
        if (!exact && !sorted.isEmpty()) {
            Map<String, SortedFieldIndex.Condition> conditions = conditions(query);
            for (Map.Entry<String, SortedFieldIndex.Condition> condition : conditions.entrySet()) {
                SortedFieldIndex index = sorted.get(condition.getKey());
                Iterable<Object> candidates = index == null ? null : index.candidates(condition.getValue());
                if (candidates != null) {
                    SERVED.increment();
                    return matchCandidates(query, candidates, index.field(), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
            SortedFieldIndex bySort = conditions.isEmpty() ? sortedByFirstKey(orderBy, limit) : null;
            Iterable<Object> everyDocument = bySort != null && bySort.coversAll(count()) ? bySort.all() : null;
            if (everyDocument != null) {
                SERVED.increment();
                return matchCandidates(query, everyDocument, bySort.field(), orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
            }
        }
        if (!exact && count() >= SCAN_WORTH_REPORTING && SCANNED_SHAPES.add(getFullName() + " " + shape(query))) {
            log.info("Scanning {} documents of {} for a query of the shape {} (no index serves it; reported once)",
                    count(), getFullName(), shape(query));
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The sorted index of the sort's first key when it is ascending and the query has a limit, else null. */
    private SortedFieldIndex sortedByFirstKey(Document orderBy, int limit) {
        if (orderBy == null || orderBy.isEmpty() || limit <= 0) {
            return null;
        }
        Map.Entry<String, Object> first = orderBy.entrySet().iterator().next();
        return first.getValue() instanceof Number direction && direction.intValue() == 1 ? sorted.get(first.getKey())
                : null;
    }

    /**
     * Candidates in the order of {@code field}, for a query sorted by it first (ascending) with a limit: the matches
     * past the first {@code skip + limit} can change nothing once the field's value has moved past the last of them,
     * so reading stops there (ties on that value are still read, for the sort's later keys to decide). A page of a
     * keyset-paged read (the audit trail's, its export's) then reads its page, not the rest of the collection
     * (ADR 0046). Other queries get the candidates as they are.
     */
    private Iterable<Object> inSortOrderUpToLimit(Document query, Iterable<Object> candidates, String field,
                                                  Document orderBy, int skip, int limit) {
        SortedFieldIndex bySort = sortedByFirstKey(orderBy, limit);
        if (bySort == null || !bySort.field().equals(field)) {
            return candidates;
        }
        long wanted = (long) Math.max(0, skip) + limit;
        List<Object> read = new ArrayList<>();
        long matched = 0;
        Object boundary = null;
        for (Object position : candidates) {
            Document document = getDocument(position);
            if (document == null) {
                continue;
            }
            if (boundary != null && VALUES.compare(document.get(field), boundary) > 0) {
                STOPPED_AT_LIMIT.increment();
                break;
            }
            if (documentMatchesQuery(document, query)) {
                read.add(position);
                if (++matched == wanted) {
                    boundary = document.get(field);
                }
            }
        }
        return read;
    }

    /**
     * Matches the candidates of a sorted index, deciding a long {@code $nin} list of strings in the query by a set: a
     * tracking processor's poll names every event it saw within its look-back ({@code eventIdentifier: {$nin:
     * [...]}}), and the stock matcher compares each candidate with each listed value, a cost of candidates x listed
     * (ADR 0043). A candidate whose value is one of the listed strings is left out; when every other candidate holds
     * a string (or nothing) there, the {@code $nin} holds for each of them and the rest of the query is matched
     * without it. Any other value (an array, a number) leaves the whole query to the matcher, as before.
     */
    private QueryResult matchCandidates(Document query, Iterable<Object> candidates, String indexed, Document orderBy,
                                        int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Map<String, Set<String>> excluded = excludedStrings(query);
        if (excluded.isEmpty()) {
            return matchDocuments(query, inSortOrderUpToLimit(query, candidates, indexed, orderBy, numberToSkip, limit),
                    orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Object> kept = new ArrayList<>();
        boolean decided = true;
        for (Object position : candidates) {
            Document document = getDocument(position);
            boolean leftOut = false;
            for (Map.Entry<String, Set<String>> field : excluded.entrySet()) {
                Object value = document == null ? null : document.get(field.getKey());
                if (value instanceof String text) {
                    leftOut |= field.getValue().contains(text);
                } else if (value != null) {
                    decided = false;
                }
            }
            if (leftOut) {
                LEFT_OUT.increment();
            } else {
                kept.add(position);
            }
        }
        Document matchedBy = decided ? withoutNin(query, excluded.keySet()) : query;
        return matchDocuments(matchedBy, inSortOrderUpToLimit(matchedBy, kept, indexed, orderBy, numberToSkip, limit),
                orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The query without the {@code $nin} of these fields, at its top and under its {@code $and}s. */
    static Document withoutNin(Document query, Set<String> fields) {
        Document rest = new Document();
        query.forEach((key, value) -> {
            if (key.equals("$and") && value instanceof Collection<?> all) {
                rest.put(key, all.stream().map(clause -> clause instanceof Document document
                        ? withoutNin(document, fields) : clause).toList());
            } else if (fields.contains(key) && value instanceof Document operators && operators.containsKey("$nin")) {
                Document others = new Document(operators);
                others.remove("$nin");
                if (!others.isEmpty()) {
                    rest.put(key, others);
                }
            } else {
                rest.put(key, value);
            }
        });
        return rest;
    }

    /** The top-level (or {@code $and}) {@code $nin} lists of strings long enough to be worth a set, by field. */
    static Map<String, Set<String>> excludedStrings(Document query) {
        Map<String, Set<String>> excluded = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fieldClauses(query)) {
            if (field.getValue() instanceof Document operators && operators.get("$nin") instanceof Collection<?> listed
                    && listed.size() >= EXCLUSION_WORTH_A_SET && listed.stream().allMatch(String.class::isInstance)) {
                Set<String> strings = excluded.computeIfAbsent(field.getKey(), key -> new HashSet<>());
                listed.forEach(item -> strings.add((String) item));
            }
        }
        return excluded;
    }

    /** The query's fields and operators, without its values. */
    private static String shape(Object query) {
        if (query instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((key, value) -> shape.append(shape.length() > 1 ? ", " : "").append(key).append(": ")
                    .append(shape(value)));
            return shape.append('}').toString();
        }
        if (query instanceof Collection<?> items) {
            return items.stream().map(IndexedH2Collection::shape).distinct().toList().toString();
        }
        return "?";
    }

    /** The top-level conditions of the query (through {@code $and}) that a sorted index can answer, by field. */
    static Map<String, SortedFieldIndex.Condition> conditions(Document query) {
        Map<String, SortedFieldIndex.Condition> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fieldClauses(query)) {
            SortedFieldIndex.Condition condition = condition(field.getValue());
            if (condition != null) {
                conditions.putIfAbsent(field.getKey(), condition);
            }
        }
        return conditions;
    }

    /** The query's conditions on top-level fields, at its top or under its {@code $and}s, in order. */
    private static List<Map.Entry<String, Object>> fieldClauses(Document query) {
        List<Map.Entry<String, Object>> fields = new ArrayList<>();
        List<Document> clauses = new ArrayList<>(List.of(query));
        for (int i = 0; i < clauses.size(); i++) {
            for (Map.Entry<String, Object> entry : clauses.get(i).entrySet()) {
                if (entry.getKey().equals("$and") && entry.getValue() instanceof Collection<?> all) {
                    all.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(clauses::add);
                } else if (!entry.getKey().startsWith("$") && !entry.getKey().contains(".")) {
                    fields.add(entry);
                }
            }
        }
        return fields;
    }

    private static SortedFieldIndex.Condition condition(Object value) {
        if (value == null || value instanceof Collection<?> || BsonRegularExpression.isRegularExpression(value)) {
            return null;
        }
        if (!(value instanceof Document operators)) {
            return new SortedFieldIndex.Condition(value, null, false, null, false);
        }
        if (operators.isEmpty() || !RANGE_OPERATORS.containsAll(operators.keySet())
                || operators.values().stream().anyMatch(bound -> bound == null || bound instanceof Document
                || bound instanceof Collection<?> || BsonRegularExpression.isRegularExpression(bound))) {
            return null;
        }
        if (operators.containsKey("$eq")) {
            return new SortedFieldIndex.Condition(operators.get("$eq"), null, false, null, false);
        }
        Object lower = operators.containsKey("$gt") ? operators.get("$gt") : operators.get("$gte");
        Object upper = operators.containsKey("$lt") ? operators.get("$lt") : operators.get("$lte");
        if (operators.containsKey("$gt") && operators.containsKey("$gte")
                || operators.containsKey("$lt") && operators.containsKey("$lte")) {
            return null; // two lower or two upper bounds: rare, left to the scan
        }
        return new SortedFieldIndex.Condition(null, lower, !operators.containsKey("$gt"), upper,
                !operators.containsKey("$lt"));
    }
}
