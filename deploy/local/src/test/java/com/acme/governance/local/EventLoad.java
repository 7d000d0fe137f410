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

/** A load of {@link EventRecords} for the query side alone, published straight to a fresh event topic. */
final class EventLoad {

    private EventLoad() {
    }

    /**
     * Creates the topic (kept forever) and publishes the four events of each of {@code products} data products.
     *
     * @return the number of events published
     */
    static long publishProducts(String bootstrapServers, int partitions, int products) throws Exception {
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
                for (ProducerRecord<String, byte[]> record : EventRecords.dataProduct("load", "product-" + i)) {
                    producer.send(record);
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }
}
