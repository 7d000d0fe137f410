package com.acme.governance.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A governance history of any size, published straight to the event topic as the relay would write it (valid,
 * hash-chained CloudEvents records of {@link EventRecords}), without the command side: data products
 * {@code load.product-<i>}, four events each, keyed by product so that each product's events keep their order. Built
 * lazily and deterministically: the same size gives the same records, and 100,000 events never sit in memory.
 */
final class SyntheticHistory {

    static final String DOMAIN = "load";
    static final int EVENTS_PER_PRODUCT = 4;

    private SyntheticHistory() {
    }

    /** The id of the {@code i}th product, and the sequence of its last event is {@link #EVENTS_PER_PRODUCT} - 1. */
    static String productId(int i) {
        return DOMAIN + ".product-" + i;
    }

    /** Creates the topic (infinite retention) and publishes {@code products} products; returns the events sent. */
    static long publish(String bootstrapServers, int partitions, int products)
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
                for (ProducerRecord<String, byte[]> record : EventRecords.dataProduct(DOMAIN, "product-" + i)) {
                    producer.send(record);
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }
}
