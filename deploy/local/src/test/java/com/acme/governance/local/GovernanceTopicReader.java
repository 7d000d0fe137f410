package com.acme.governance.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Reads the governance topic from the beginning, as any other system of the mesh would. */
final class GovernanceTopicReader implements AutoCloseable {

    static final String TOPIC = "governance.events";

    private final KafkaConsumer<String, byte[]> consumer;

    GovernanceTopicReader(String bootstrapServers) {
        this(bootstrapServers, TOPIC);
    }

    GovernanceTopicReader(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Every record read so far of one key (aggregate id), in topic order. */
    List<ConsumerRecord<String, byte[]>> poll(List<ConsumerRecord<String, byte[]>> seen) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen;
    }

    /** Reads until every one of the keys is on the topic, for at most two minutes: every record read, in order. */
    List<ConsumerRecord<String, byte[]>> readUntilEveryKeyOf(Collection<String> keys) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(2)).until(() -> poll(seen).stream().map(ConsumerRecord::key)
                .collect(Collectors.toSet()).containsAll(keys));
        return seen;
    }

    /** How many records of each key (aggregate id). */
    static Map<String, Integer> countByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<ConsumerRecord<String, byte[]>> ofKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        records.stream().filter(r -> key.equals(r.key())).forEach(matching::add);
        return matching;
    }

    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(consumer.assignment());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
