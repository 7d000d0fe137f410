package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The embedded stack is real infrastructure: Kafka takes and serves records, and both servers keep their data
 * across a restart on the same directory, which the launcher and the end-to-end tests rely on.
 */
class LocalStackSmokeIT extends LocalStackSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void brokerServesAProducedRecordToAConsumer() throws Exception {
        String topic = newTopic();

        produce(topic, "sales.orders", "registered");

        assertThat(consumeAll(topic, 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(Tuple.tuple("sales.orders", "registered"));
    }

    @Test
    void brokerKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        String topic = newTopic();
        produce(topic, "sales.orders", "before restart");

        broker().stop();
        assertThat(broker().isRunning()).isFalse();
        broker().start();

        produce(topic, "sales.orders", "after restart");
        assertThat(consumeAll(topic, 2))
                .extracting(ConsumerRecord::value)
                .containsExactly("before restart", "after restart");
    }

    @Test
    void mongoKeepsDocumentsAcrossARestartOnTheSameFile() {
        String id = UUID.randomUUID().toString();
        try (MongoClient client = MongoClients.create(mongo().connectionString())) {
            collection(client).insertOne(new Document("_id", id).append("title", "Orders"));
        }

        mongo().stop();
        mongo().start();

        try (MongoClient client = MongoClients.create(mongo().connectionString())) {
            Document found = collection(client).find(new Document("_id", id)).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("Orders");
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("smoke").getCollection("data_products");
    }

    /** Topics are never created on first use (auto-create is off), so each test creates its own. */
    private static String newTopic() throws InterruptedException, ExecutionException, TimeoutException {
        String topic = "smoke-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return topic;
    }

    private static void produce(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads the single partition from offset 0 until {@code expected} records arrived or the timeout passed. */
    private static List<ConsumerRecord<String, String>> consumeAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
