package com.acme.governance.local.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable backend's sorted indexes change how a query finds its documents, never which: every query shape that
 * Axon and the read models send answers exactly what the stock backend answers, through the real driver, after
 * inserts, updates and deletes, and after the store is closed and opened again (the indexes rebuilt from disk).
 */
class IndexedH2CollectionTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    private Path dir;

    private static final List<String> WORDS = List.of("orders", "order", "ordinal", "customers", "cust", "shipments",
            "ship", "spend", "ledger", "éclair");

    /** Axon's event store queries, and secondary lookups, each with its sort and limit. */
    private static final List<Function<Integer, Query>> QUERIES = List.of(
            // a page of a keyset-paged read, sorted by an indexed field first: read up to its limit (ADR 0046)
            n -> {
                String at = (n % 2 == 0 ? START.plusSeconds(5000) : START.plusSeconds(n * 3L)).toString();
                return new Query(Filters.and(Filters.gte("timeStamp", at), Filters.or(Filters.gt("timeStamp", at),
                        Filters.and(Filters.eq("timeStamp", at), Filters.gt("sequenceNumber", (long) n % 4)))),
                        Sorts.ascending("timeStamp", "sequenceNumber"), 10);
            },
            // the first page: no condition, only the sort and a limit
            n -> new Query(Filters.empty(), Sorts.ascending("timeStamp", "sequenceNumber"), 5 + n % 20),
            n -> new Query(Filters.and(Filters.eq("aggregateIdentifier", "aggregate-" + n % 7),
                    Filters.gte("sequenceNumber", (long) n % 5)), Sorts.ascending("sequenceNumber"), 0),
            n -> new Query(Filters.eq("aggregateIdentifier", "aggregate-" + n % 7),
                    Sorts.descending("sequenceNumber"), 1),
            n -> new Query(Filters.and(Filters.gte("timeStamp", START.plusSeconds(n * 3L).toString()),
                    Filters.nin("eventIdentifier", List.of("event-" + n, "event-" + (n + 1)))),
                    Sorts.ascending("timeStamp", "sequenceNumber"), 25),
            // a poll that saw many events in its look-back: a set leaves them out before matching (ADR 0043)
            n -> new Query(Filters.and(Filters.gte("timeStamp", START.plusSeconds(n * 3L).toString()),
                    Filters.nin("eventIdentifier", IntStream.range(n, n + 60).mapToObj(i -> "event-" + i).toList())),
                    Sorts.ascending("timeStamp", "sequenceNumber"), 25),
            // the same beside another condition on the field, which must still be matched
            n -> new Query(Filters.and(Filters.gte("timeStamp", START.plusSeconds(n * 3L).toString()),
                    Filters.nin("eventIdentifier", IntStream.range(n, n + 60).mapToObj(i -> "event-" + i).toList()),
                    Filters.ne("eventIdentifier", "event-" + (n + 70))),
                    Sorts.ascending("timeStamp", "sequenceNumber"), 25),
            n -> new Query(Filters.and(Filters.gt("timeStamp", START.plusSeconds(n).toString()),
                    Filters.lt("timeStamp", START.plusSeconds(n + 90L).toString())), Sorts.ascending("_id"), 0),
            n -> new Query(Filters.eq("team", "team-" + n % 3), Sorts.ascending("_id"), 0),
            n -> new Query(Filters.and(Filters.eq("team", "team-" + n % 3), Filters.lte("sequenceNumber", 2L)),
                    Sorts.ascending("_id"), 0),
            // the product search: a term beginning with each word, on an array field (a multikey index, ADR 0047)
            n -> new Query(Filters.regex("terms", "^" + WORDS.get(n % WORDS.size()).substring(0, 1 + n % 3)),
                    Sorts.ascending("_id"), 20),
            n -> new Query(Filters.and(Filters.regex("terms", "^" + WORDS.get(n % WORDS.size()).substring(0, 2)),
                    Filters.regex("terms", "^" + WORDS.get((n + 3) % WORDS.size()).substring(0, 3)),
                    Filters.eq("team", "team-" + n % 3)), Sorts.ascending("_id"), 0),
            n -> new Query(Filters.eq("terms", WORDS.get(n % WORDS.size())), Sorts.ascending("_id"), 0),
            n -> new Query(Filters.in("team", List.of("team-0", "team-2")), Sorts.ascending("_id"), 0),
            // a regex that is not a plain prefix (options, a pattern character) is left to the scan
            n -> new Query(Filters.regex("terms", "^" + WORDS.get(n % WORDS.size()).substring(0, 2), "i"),
                    Sorts.ascending("_id"), 0),
            n -> new Query(Filters.regex("terms", "^o.d"), Sorts.ascending("_id"), 0),
            n -> new Query(Filters.regex("aggregateIdentifier", "aggregate-[12]"), Sorts.ascending("_id"), 0));

    private record Query(Bson filter, Bson sort, int limit) {
    }

    @Test
    void everyQueryAnswersWhatTheStockBackendAnswers() {
        try (EmbeddedServer stock = new EmbeddedServer(new H2Backend((String) null)); EmbeddedServer indexed = durable()) {
            for (EmbeddedServer server : List.of(stock, indexed)) {
                history(server.events());
            }
            assertSameAnswers(stock, indexed);

            for (EmbeddedServer server : List.of(stock, indexed)) {
                server.events().updateMany(Filters.eq("aggregateIdentifier", "aggregate-3"),
                        new Document("$set", new Document("timeStamp", START.plusSeconds(5000).toString())
                                .append("team", "team-1")));
                server.events().deleteMany(Filters.eq("aggregateIdentifier", "aggregate-5"));
                server.events().insertOne(event(500, "aggregate-5", 0).append("team", List.of("team-0", "team-1")));
                // $nin over an array excludes it when any element is listed: left to the matcher
                server.events().insertOne(event(501, "aggregate-6", 900)
                        .append("eventIdentifier", List.of("event-30", "event-" + 1000)));
                server.events().insertOne(event(502, "aggregate-6", 901)
                        .append("eventIdentifier", List.of("event-" + 1001)));
            }
            // an array in "team" makes its index multikey: equality still served, each document told once
            assertSameAnswers(stock, indexed);
        }
    }

    @Test
    void onlyLongNinListsOfStringsAtTheTopOrUnderAndAreTakenAsSets() {
        List<String> seen = IntStream.range(0, 20).mapToObj(i -> "event-" + i).toList();
        var poll = stored("$and", List.of(stored("timeStamp", stored("$gte", "t")),
                stored("eventIdentifier", stored("$nin", seen))));

        assertThat(IndexedH2Collection.excludedStrings(poll)).containsOnlyKeys("eventIdentifier")
                .extractingByKey("eventIdentifier").satisfies(set -> assertThat(set).hasSize(20));
        assertThat(IndexedH2Collection.excludedStrings(stored("eventIdentifier",
                stored("$nin", seen.subList(0, 3))))).as("a short list").isEmpty();
        assertThat(IndexedH2Collection.excludedStrings(stored("eventIdentifier",
                stored("$nin", IntStream.range(0, 20).boxed().toList())))).as("not strings").isEmpty();
        assertThat(IndexedH2Collection.excludedStrings(stored("$or", List.of(stored("eventIdentifier",
                stored("$nin", seen)))))).as("under $or").isEmpty();
    }

    @Test
    void aNinDecidedBySetIsTakenOutOfTheQueryAndNothingElse() {
        List<String> seen = IntStream.range(0, 20).mapToObj(i -> "event-" + i).toList();
        var poll = stored("$and", List.of(stored("timeStamp", stored("$gte", "t")),
                stored("eventIdentifier", stored("$nin", seen))));
        var beside = stored("eventIdentifier", new de.bwaldvogel.mongo.bson.Document("$nin", seen).append("$ne", "x"));

        assertThat(IndexedH2Collection.withoutNin(poll, java.util.Set.of("eventIdentifier")))
                .isEqualTo(stored("$and", List.of(stored("timeStamp", stored("$gte", "t")),
                        new de.bwaldvogel.mongo.bson.Document())));
        assertThat(IndexedH2Collection.withoutNin(beside, java.util.Set.of("eventIdentifier")))
                .isEqualTo(stored("eventIdentifier", stored("$ne", "x")));
    }

    @Test
    void aSortedReadWithoutALimitIsAnsweredBatchByBatchFromTheIndexInTheSameOrder() {
        try (EmbeddedServer stock = new EmbeddedServer(new H2Backend((String) null)); EmbeddedServer indexed = durable()) {
            for (EmbeddedServer server : List.of(stock, indexed)) {
                history(server.events());
            }
            long streamedBefore = IndexedH2Collection.queriesStreamedInSortOrder();
            // the second condition is one no index serves: every document of the walk is matched against it
            for (Bson filter : List.of(Filters.empty(), Filters.regex("terms", "o.d"))) {
                for (int batchSize : List.of(1, 7, 500)) {
                    assertThat(inStoreOrder(indexed.events(), filter, batchSize)).as(filter + " in batches of " + batchSize)
                            .isEqualTo(inStoreOrder(stock.events(), filter, batchSize)).isNotEmpty();
                }
            }
            assertThat(IndexedH2Collection.queriesStreamedInSortOrder() - streamedBefore).isEqualTo(6);

            // a document without the field (only an altered one would lack it) is in no index: the stock sort answers
            for (EmbeddedServer server : List.of(stock, indexed)) {
                server.events().insertOne(new Document("_id", "altered").append("sequenceNumber", 0L));
            }
            long streamedBeforeAltered = IndexedH2Collection.queriesStreamedInSortOrder();
            assertThat(inStoreOrder(indexed.events(), Filters.empty(), 7))
                    .isEqualTo(inStoreOrder(stock.events(), Filters.empty(), 7))
                    .first().satisfies(first -> assertThat(first.get("_id")).isEqualTo("altered"));
            assertThat(IndexedH2Collection.queriesStreamedInSortOrder()).isEqualTo(streamedBeforeAltered);
        }
    }

    private static List<Document> inStoreOrder(MongoCollection<Document> events, Bson filter, int batchSize) {
        return events.find(filter).sort(Sorts.ascending("aggregateIdentifier", "sequenceNumber")).batchSize(batchSize)
                .into(new ArrayList<>());
    }

    @Test
    void theIndexesAreRebuiltWhenTheStoreOpensAgain() {
        try (EmbeddedServer stock = new EmbeddedServer(new H2Backend((String) null))) {
            history(stock.events());
            try (EmbeddedServer indexed = durable()) {
                history(indexed.events());
            }
            try (EmbeddedServer reopened = durable()) {
                assertSameAnswers(stock, reopened);
                reopened.events().insertOne(event(600, "aggregate-1", 99));
                stock.events().insertOne(event(600, "aggregate-1", 99));
                assertSameAnswers(stock, reopened);
            }
        }
    }

    private void assertSameAnswers(EmbeddedServer stock, EmbeddedServer indexed) {
        assertSameAnswers(stock, indexed, 13);
    }

    /**
     * The first {@code servedShapes} shapes are answered by a sorted index, their finds and their counts (an
     * aggregation beginning with their match); the $in and the regexes that are no plain prefix by a scan. Every
     * answer and every count is the stock backend's.
     */
    private void assertSameAnswers(EmbeddedServer stock, EmbeddedServer indexed, int servedShapes) {
        long servedBefore = IndexedH2Collection.queriesServedFromSortedIndexes();
        long leftOutBefore = IndexedH2Collection.candidatesLeftOutByExclusion();
        long stoppedBefore = IndexedH2Collection.queriesStoppedAtTheirLimit();
        for (int n = 0; n < 40; n++) {
            for (Function<Integer, Query> shape : QUERIES) {
                Query query = shape.apply(n);
                assertThat(answer(indexed.events(), query)).as(query.filter().toString())
                        .isEqualTo(answer(stock.events(), query));
                assertThat(indexed.events().countDocuments(query.filter())).as("count of " + query.filter())
                        .isEqualTo(stock.events().countDocuments(query.filter()));
            }
        }
        // less one: the count of the first page's query, which has no condition, reads every document
        assertThat(IndexedH2Collection.queriesServedFromSortedIndexes() - servedBefore)
                .isEqualTo(40L * (2 * servedShapes - 1));
        assertThat(IndexedH2Collection.candidatesLeftOutByExclusion() - leftOutBefore)
                .as("candidates the long $nin left out before matching").isPositive();
        assertThat(IndexedH2Collection.queriesStoppedAtTheirLimit() - stoppedBefore)
                .as("queries sorted by an indexed field that read only up to their limit").isPositive();
    }

    private static List<Document> answer(MongoCollection<Document> events, Query query) {
        return events.find(query.filter()).sort(query.sort()).limit(query.limit()).into(new ArrayList<>());
    }

    /** 300 events of 7 aggregates, stored out of time order as concurrent writers do. */
    private static void history(MongoCollection<Document> events) {
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true).name("uniqueAggregateIndex"));
        events.createIndex(Indexes.ascending("timeStamp", "sequenceNumber"),
                new IndexOptions().name("orderedEventStreamIndex"));
        events.createIndex(Indexes.ascending("team"));
        events.createIndex(Indexes.ascending("terms"));
        Random random = new Random(42);
        long[] sequences = new long[7];
        for (int i = 0; i < 300; i++) {
            int aggregate = random.nextInt(7);
            List<String> terms = random.ints(random.nextInt(4), 0, WORDS.size()).mapToObj(WORDS::get).distinct().toList();
            events.insertOne(event(i, "aggregate-" + aggregate, sequences[aggregate]++)
                    .append("team", "team-" + random.nextInt(3)).append("terms", terms));
        }
    }

    private static Document event(int i, String aggregate, long sequence) {
        return new Document("_id", "event-" + i).append("eventIdentifier", "event-" + i)
                .append("aggregateIdentifier", aggregate).append("sequenceNumber", sequence)
                .append("timeStamp", START.plusSeconds(i * 2L + (i % 3 == 0 ? 7 : 0)).toString());
    }

    /** A query as the server sees it. */
    private static de.bwaldvogel.mongo.bson.Document stored(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private EmbeddedServer durable() {
        return new EmbeddedServer(DurableH2Backend.open(dir.resolve("store.mv"), false));
    }
}
