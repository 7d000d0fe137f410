package com.acme.governance.bench;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.api.audit.HashChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The governance topic's records as the relay writes them: read from the start, and the hash-chain link of each. */
final class GovernanceTopic {

    static final String TOPIC = "governance.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each audit metadata key, by the CloudEvents extension that carries it. */
    private static final Map<String, String> EXTENSIONS = Map.of(AuditMetadata.PRINCIPAL, CloudEventExtensions.PRINCIPAL,
            AuditMetadata.TEAMS, CloudEventExtensions.TEAMS, AuditMetadata.ROLES, CloudEventExtensions.ROLES,
            AuditMetadata.CORRELATION_ID, CloudEventExtensions.CORRELATION_ID,
            AuditMetadata.CAUSATION_ID, CloudEventExtensions.CAUSATION_ID,
            AuditMetadata.ISSUER, CloudEventExtensions.ISSUER);

    private GovernanceTopic() {
    }

    static KafkaConsumer<byte[], byte[]> consumer(String kafka) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every record from offset 0 up to the end as it is now, at most {@code limit}. */
    static List<ConsumerRecord<byte[], byte[]>> read(String kafka, int limit) {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (read.size() < limit && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        return read.size() > limit ? new ArrayList<>(read.subList(0, limit)) : read;
    }

    /** The hash-chain link of the event a record carries, from its CloudEvents headers and its payload. */
    static HashChain.Link link(Headers headers, byte[] value) {
        try {
            return HashChain.Link.of(header(headers, "ce_subject"), Long.parseLong(header(headers, "ce_sequence")),
                    header(headers, "ce_type"), header(headers, "ce_id"), Instant.parse(header(headers, "ce_time")),
                    JSON.readTree(value), key -> header(headers, "ce_" + EXTENSIONS.get(key)),
                    key -> CloudEventExtensions.split(header(headers, "ce_" + EXTENSIONS.get(key))));
        } catch (IOException e) {
            throw new UncheckedIOException("a record's payload is not JSON", e);
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
