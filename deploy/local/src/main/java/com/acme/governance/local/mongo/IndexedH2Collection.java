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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
    private static final LongAdder STREAMED = new LongAdder();
    private static final int SCAN_WORTH_REPORTING = 1000;
    private static final Set<String> SCANNED_SHAPES = ConcurrentHashMap.newKeySet();
    private static final int EXCLUSION_WORTH_A_SET = 16;
    private static final Pattern LITERAL_PREFIX = Pattern.compile("\\^[\\p{L}\\p{N}_ -]+");

    private final Map<String, SortedFieldIndex> sorted = new ConcurrentHashMap<>();

    /** How many queries of this JVM a sorted index answered, rather than a scan. */
    static long queriesServedFromSortedIndexes() {
        return SERVED.sum();
    }

    /** How many candidates of this JVM's queries a {@code $nin} set left out before matching. */
    static long candidatesLeftOutByExclusion() {
        return LEFT_OUT.sum();
    }

    /** How many sorted reads without a limit of this JVM were answered batch by batch from an index. */
    static long queriesStreamedInSortOrder() {
        return STREAMED.sum();
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
            SortedFieldIndex streamed = conditions.isEmpty() && limit <= 0 && numberToSkip <= 0 && batchSize > 0
                    ? ascendingIndexOfTheFirstSortKey(orderBy) : null;
            if (streamed != null && streamed.coversAll(count())) {
                SERVED.increment();
                STREAMED.increment();
                return streamInSortOrder(query, streamed, orderBy, batchSize, fieldSelector);
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

    /**
     * The documents that match the query, found as a find would find them (through the sorted indexes); the first
     * {@code $match} of an aggregation is answered so ({@code DurableH2Backend}), a count of the driver's
     * {@code countDocuments} above all, which the stock server answers by matching every document.
     */
    Stream<Document> matching(Document query) {
        return StreamSupport.stream(queryDocuments(query, null, 0, 0, 0, null).spliterator(), false);
    }

    /** The sorted index of the sort's first key when it is ascending and the query has a limit, else null. */
    private SortedFieldIndex sortedByFirstKey(Document orderBy, int limit) {
        return limit <= 0 ? null : ascendingIndexOfTheFirstSortKey(orderBy);
    }

    private SortedFieldIndex ascendingIndexOfTheFirstSortKey(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        Map.Entry<String, Object> first = orderBy.entrySet().iterator().next();
        return first.getValue() instanceof Number direction && direction.intValue() == 1 ? sorted.get(first.getKey())
                : null;
    }

    /**
     * A sorted read of a whole collection without a limit, in batches (a verification's walk of the event store and
     * of the audit trail's copies): answered batch by batch from the index in its order (ADR 0049).
     */
    private QueryResult streamInSortOrder(Document query, SortedFieldIndex index, Document orderBy, int batchSize,
                                          Document fieldSelector) {
        StreamedInSortOrder cursor = new StreamedInSortOrder(cursorRegistry.generateCursorId(),
                index.all().iterator(), index.field(), this::getDocument,
                document -> documentMatchesQuery(document, query),
                group -> matchDocumentsFromStream(group.stream(), new Document(), orderBy, 0, 0, 0, fieldSelector)
                        .collectDocuments());
        List<Document> first = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }

    /**
     * Matches the candidates of a sorted index in one pass, each document read once, and leaves the sort, the skip,
     * the limit and the projection to the stock code.
     * <ul>
     * <li>A long {@code $nin} list of strings is decided by a set: a tracking processor's poll names every event it
     * saw within its look-back ({@code eventIdentifier: {$nin: [...]}}), and the stock matcher compares each
     * candidate with each listed value, a cost of candidates x listed (ADR 0043). A candidate whose value is one of
     * the listed strings is left out; one that holds another string there, or nothing, meets the {@code $nin} and is
     * matched against the rest of the query; any other value (an array, a number) is matched against all of it.</li>
     * <li>For a query sorted first by the index's field, ascending, with a limit, the candidates come in the sort's
     * order: the matches past the first {@code skip + limit} can change nothing once the field's value has moved past
     * the last of them, so reading stops there (ties on that value are still read, for the sort's later keys to
     * decide). A page of a keyset-paged read (the audit trail's, its export's) or a tracking poll then reads its
     * page, not the rest of the collection (ADR 0046).</li>
     * </ul>
     */
    private QueryResult matchCandidates(Document query, Iterable<Object> candidates, String indexed, Document orderBy,
                                        int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Map<String, Set<String>> excluded = excludedStrings(query);
        Document withoutTheSets = excluded.isEmpty() ? query : withoutNin(query, excluded.keySet());
        SortedFieldIndex bySort = sortedByFirstKey(orderBy, limit);
        boolean inSortOrder = bySort != null && bySort.field().equals(indexed) && !bySort.multikey();
        long wanted = (long) Math.max(0, numberToSkip) + limit;
        List<Document> matched = new ArrayList<>();
        Object boundary = null;
        for (Object position : candidates) {
            Document document = getDocument(position);
            if (document == null) {
                continue;
            }
            if (boundary != null && VALUES.compare(document.get(indexed), boundary) > 0) {
                STOPPED_AT_LIMIT.increment();
                break;
            }
            Document matchedBy = query;
            if (!excluded.isEmpty()) {
                Exclusion exclusion = exclusion(document, excluded);
                if (exclusion == Exclusion.LEFT_OUT) {
                    LEFT_OUT.increment();
                    continue;
                }
                matchedBy = exclusion == Exclusion.MET ? withoutTheSets : query;
            }
            if (documentMatchesQuery(document, matchedBy)) {
                matched.add(document);
                if (inSortOrder && matched.size() == wanted) {
                    boundary = document.get(indexed);
                }
            }
        }
        return matchDocumentsFromStream(matched.stream(), new Document(), orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    private enum Exclusion { LEFT_OUT, MET, UNDECIDED }

    /** Whether the document's values leave it out by a {@code $nin} set, meet every one of them, or need the matcher. */
    private static Exclusion exclusion(Document document, Map<String, Set<String>> excluded) {
        Exclusion verdict = Exclusion.MET;
        for (Map.Entry<String, Set<String>> field : excluded.entrySet()) {
            Object value = document.get(field.getKey());
            if (value instanceof String text) {
                if (field.getValue().contains(text)) {
                    return Exclusion.LEFT_OUT;
                }
            } else if (value != null) {
                verdict = Exclusion.UNDECIDED;
            }
        }
        return verdict;
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
        if (BsonRegularExpression.isRegularExpression(value)) {
            return prefix(value);
        }
        if (value == null || value instanceof Collection<?>) {
            return null;
        }
        if (!(value instanceof Document operators)) {
            return new SortedFieldIndex.Condition(value, null, false, null, false, true);
        }
        if (operators.isEmpty() || !RANGE_OPERATORS.containsAll(operators.keySet())
                || operators.values().stream().anyMatch(bound -> bound == null || bound instanceof Document
                || bound instanceof Collection<?> || BsonRegularExpression.isRegularExpression(bound))) {
            return null;
        }
        if (operators.containsKey("$eq")) {
            return new SortedFieldIndex.Condition(operators.get("$eq"), null, false, null, false, true);
        }
        Object lower = operators.containsKey("$gt") ? operators.get("$gt") : operators.get("$gte");
        Object upper = operators.containsKey("$lt") ? operators.get("$lt") : operators.get("$lte");
        if (operators.containsKey("$gt") && operators.containsKey("$gte")
                || operators.containsKey("$lt") && operators.containsKey("$lte")) {
            return null; // two lower or two upper bounds: rare, left to the scan
        }
        return new SortedFieldIndex.Condition(null, lower, !operators.containsKey("$gt"), upper,
                !operators.containsKey("$lt"), false);
    }

    /**
     * An anchored regex of literal characters and no options ({@code /^orde/}) as the range of strings it prefixes,
     * {@code ["orde", "ordf")} in the server's order of strings ({@link String#compareTo}), as MongoDB bounds such a
     * "prefix expression" on an index; any other pattern is left to the scan. The product search asks so
     * ({@code DataProductSearchFilter}).
     */
    static SortedFieldIndex.Condition prefix(Object regex) {
        if (regex instanceof Document operators && !Set.of("$regex", "$options").containsAll(operators.keySet())) {
            return null;
        }
        BsonRegularExpression expression = BsonRegularExpression.convertToRegularExpression(regex);
        String options = expression.getOptions();
        String pattern = expression.getPattern();
        if (options != null && !options.isEmpty() || !LITERAL_PREFIX.matcher(pattern).matches()) {
            return null;
        }
        String prefix = pattern.substring(1);
        char last = prefix.charAt(prefix.length() - 1);
        if (last == Character.MAX_VALUE) {
            return null;
        }
        String past = prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
        return new SortedFieldIndex.Condition(null, prefix, true, past, false, true);
    }
}
