package com.acme.governance.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * A governance history of any size, published straight to the event topic as the relay would write it (valid,
 * hash-chained CloudEvents records of {@link EventRecords}), without the command side: data products
 * {@code load.product-<i>}, four events each; for one product in {@value #REQUEST_EVERY} an access request of marketing
 * granted by the owner team (three events), for one in {@value #POLICY_EVERY} a policy defined and amended (two). Each
 * record is keyed by its aggregate, so that each aggregate's events keep their order. Built lazily and
 * deterministically: the same size gives the same records, and 100,000 events never sit in memory.
 */
final class SyntheticHistory {

    static final String DOMAIN = "load";
    static final int EVENTS_PER_PRODUCT = 4;
    /** One product in this many has an access request (requested, approved, granted: three events). */
    static final int REQUEST_EVERY = 10;
    /** One product in this many comes with a policy (defined, amended: two events). */
    static final int POLICY_EVERY = 50;

    private SyntheticHistory() {
    }

    /** The id of the {@code i}th product, and the sequence of its last event is {@link #EVENTS_PER_PRODUCT} - 1. */
    static String productId(int i) {
        return DOMAIN + ".product-" + i;
    }

    /**
     * Creates the topic (infinite retention) and publishes {@code products} products with the access requests and
     * policies of some; returns the events sent ({@link #events}).
     */
    static long publish(String bootstrapServers, int partitions, int products)
            throws ExecutionException, InterruptedException {
        return publish(bootstrapServers, partitions, products, true);
    }

    /** The same with data products only, four events each: as many aggregates as products. */
    static long publishProducts(String bootstrapServers, int partitions, int products)
            throws ExecutionException, InterruptedException {
        return publish(bootstrapServers, partitions, products, false);
    }

    private static long publish(String bootstrapServers, int partitions, int products, boolean mixed)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(EventRecords.TOPIC, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < products; i++) {
                count += send(producer, EventRecords.dataProduct(DOMAIN, "product-" + i));
                if (mixed && i % REQUEST_EVERY == 0) {
                    count += send(producer, EventRecords.accessRequest(requestId(i), DOMAIN, "product-" + i));
                }
                if (mixed && i % POLICY_EVERY == 0) {
                    count += send(producer, EventRecords.policy("policy-" + i));
                }
            }
            producer.flush();
        }
        return count;
    }

    /** How many events {@link #publish} sends for {@code products} products. */
    static long events(int products) {
        long requests = (products + REQUEST_EVERY - 1) / REQUEST_EVERY;
        long policies = (products + POLICY_EVERY - 1) / POLICY_EVERY;
        return (long) products * EVENTS_PER_PRODUCT + requests * 3 + policies * 2;
    }

    /** The access request for the {@code i}th product, if {@code i} is a multiple of {@link #REQUEST_EVERY}. */
    static String requestId(int i) {
        return UUID.nameUUIDFromBytes(("request-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static int send(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records) {
        records.forEach(producer::send);
        return records.size();
    }
}
