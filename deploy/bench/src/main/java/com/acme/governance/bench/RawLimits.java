package com.acme.governance.bench;

import com.acme.governance.api.audit.HashChain;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this machine allows, measured on the same Kafka, the same MongoDB and the same records as the product:
 * the governance topic's own records produced and consumed with kafka-clients directly, the event store's own
 * documents inserted with the driver directly at the durability the product acknowledges with (majority, journaled),
 * and SHA-256 over the canonical bytes of the same events. Every figure is per second.
 */
public final class RawLimits {

    public static final String TOPIC = GovernanceTopic.TOPIC;
    private static final String EVENT_DATABASE = "governance_events";
    private static final String EVENT_COLLECTION = "domainevents";
    private static final WriteConcern ACKNOWLEDGED_AS_THE_PRODUCT = WriteConcern.MAJORITY.withJournal(true);
    private static final int BULK_BATCH = 500;

    public record Figures(double kafkaProduce, double kafkaConsume, double mongoInsertOne, double mongoInsertMany,
                          double mongoBulk, double sha256, int recordBytes, int documentBytes) {
    }

    private final String kafka;
    private final String mongoUri;
    private final String run;

    public RawLimits(String kafka, String mongoUri, String run) {
        this.kafka = kafka;
        this.mongoUri = mongoUri;
        this.run = run;
    }

    public Figures measure(int count, int clients) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = governanceRecords(count);
        double[] kafkaRates = kafkaProduceAndConsume(records);
        List<Document> documents = storedEvents(count);
        MongoRates mongo = mongoInserts(documents, clients);
        double sha = sha256(records);
        int recordBytes = (int) records.stream().mapToInt(r -> r.value().length).average().orElse(0);
        int documentBytes = (int) documents.stream().mapToInt(d -> d.toJson().length()).average().orElse(0);
        return new Figures(kafkaRates[0], kafkaRates[1], mongo.one(), mongo.many(), mongo.bulk(), sha, recordBytes,
                documentBytes);
    }

    /** The topic's records from offset 0, repeated until there are {@code count}. */
    private List<ConsumerRecord<byte[], byte[]>> governanceRecords(int count) {
        List<ConsumerRecord<byte[], byte[]>> read = GovernanceTopic.read(kafka, count);
        if (read.isEmpty()) {
            throw new IllegalStateException("the governance topic is empty: load the mesh first");
        }
        List<ConsumerRecord<byte[], byte[]>> repeated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            repeated.add(read.get(i % read.size()));
        }
        return repeated;
    }

    /** Produce as the relay does (acks=all, idempotent), then consume from offset 0; both per second. */
    private double[] kafkaProduceAndConsume(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        String topic = "bench.limit." + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            int partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
            try {
                long start = System.nanoTime();
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
                    List<Future<?>> sent = new ArrayList<>(records.size());
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        sent.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(),
                                record.headers())));
                    }
                    for (Future<?> future : sent) {
                        future.get();
                    }
                }
                double produce = records.size() / seconds(start);
                start = System.nanoTime();
                int consumed = 0;
                try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                    List<TopicPartition> all = consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())).toList();
                    consumer.assign(all);
                    consumer.seekToBeginning(all);
                    while (consumed < records.size()) {
                        consumed += consumer.poll(Duration.ofMillis(500)).count();
                    }
                }
                return new double[] {produce, consumed / seconds(start)};
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return GovernanceTopic.consumer(kafka);
    }

    private List<Document> storedEvents(int count) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            List<Document> read = client.getDatabase(EVENT_DATABASE).getCollection(EVENT_COLLECTION).find()
                    .limit(count).into(new ArrayList<>());
            List<Document> copies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Document copy = new Document(read.get(i % read.size()));
                copy.remove("_id");
                copies.add(copy);
            }
            return copies;
        }
    }

    private record MongoRates(double one, double many, double bulk) {
    }

    /** One document per insert from one client and from {@code clients}; then in bulk; all durable as the product. */
    private MongoRates mongoInserts(List<Document> documents, int clients) throws Exception {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase("governance_bench")
                    .getCollection("limit_" + run).withWriteConcern(ACKNOWLEDGED_AS_THE_PRODUCT);
            try {
                // one client waits for every fsync: a tenth of the documents tells its rate as well as all would
                List<Document> oneByOne = documents.subList(0, Math.max(1, documents.size() / 10));
                long start = System.nanoTime();
                for (Document document : oneByOne) {
                    collection.insertOne(new Document(document));
                }
                double one = oneByOne.size() / seconds(start);
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                AtomicInteger next = new AtomicInteger();
                start = System.nanoTime();
                List<Future<?>> workers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
                            collection.insertOne(new Document(documents.get(i)));
                        }
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                double many = documents.size() / seconds(start);
                pool.shutdown();
                start = System.nanoTime();
                for (int from = 0; from < documents.size(); from += BULK_BATCH) {
                    collection.insertMany(documents.subList(from, Math.min(documents.size(), from + BULK_BATCH))
                            .stream().map(Document::new).toList());
                }
                return new MongoRates(one, many, documents.size() / seconds(start));
            } finally {
                collection.drop();
            }
        }
    }

    /** SHA-256 of previous hash, newline and canonical bytes, as the chain does; the bytes are made beforehand. */
    private double sha256(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        List<byte[]> canonical = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            canonical.add(HashChain.canonicalBytes(link(record)));
        }
        String previous = "";
        long start = System.nanoTime();
        for (byte[] bytes : canonical) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(bytes);
            previous = HexFormat.of().formatHex(digest.digest());
        }
        return canonical.size() / seconds(start);
    }

    private static HashChain.Link link(ConsumerRecord<byte[], byte[]> record) {
        return GovernanceTopic.link(record.headers(), record.value());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
