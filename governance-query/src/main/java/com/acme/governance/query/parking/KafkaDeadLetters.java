package com.acme.governance.query.parking;

import com.acme.governance.query.config.IngestionProperties;
import com.acme.governance.query.ingestion.ParkCategory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter topic ({@code <event topic>.dlt} by default) on the same cluster. Created on first use when
 * missing, with the event topic's partition count and replication and infinite retention (a parked record is part
 * of the history until an operator deals with it); a parked record goes to the partition it came from. The
 * producer is the query side's own (idempotent, acks=all), created on first use and closed with the context; no
 * producer or admin bean is registered, so the command side's auto-configured ones stay untouched.
 */
@Component("queryKafkaDeadLetters")
public class KafkaDeadLetters implements DeadLetters, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Room for the dlt-* headers on top of a record the event topic accepted. */
    private static final int HEADER_ROOM = 64 * 1024;

    private final KafkaProperties kafkaProperties;
    private final SslBundles sslBundles;
    private final IngestionProperties properties;
    private final Map<String, Integer> partitionsOfDeadLetterTopic = new ConcurrentHashMap<>();
    private volatile Producer<String, byte[]> producer;

    public KafkaDeadLetters(KafkaProperties kafkaProperties, ObjectProvider<SslBundles> sslBundles,
                            IngestionProperties properties) {
        this.kafkaProperties = kafkaProperties;
        this.sslBundles = sslBundles.getIfAvailable();
        this.properties = properties;
    }

    @Override
    public void publish(ConsumerRecord<String, byte[]> record, ParkCategory category, String reason, String heldBehind) {
        String topic = properties.deadLetterTopicFor(record.topic());
        int partitions = ensureTopic(record.topic(), topic);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        text(headers, REASON, reason);
        text(headers, CATEGORY, category.code());
        text(headers, ORIGINAL_TOPIC, record.topic());
        text(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        text(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        text(headers, PARKED_AT, Instant.now().toString());
        if (heldBehind != null) {
            text(headers, HELD_BEHIND, heldBehind);
        }
        Integer partition = record.partition() < partitions ? record.partition() : null;
        try {
            producer().send(new ProducerRecord<>(topic, partition, record.key(), record.value(), headers))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking " + where(record) + " on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + where(record) + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** @return the dead-letter topic's partition count */
    private int ensureTopic(String sourceTopic, String topic) {
        Integer known = partitionsOfDeadLetterTopic.get(topic);
        if (known != null) {
            return known;
        }
        Map<String, Object> config = kafkaProperties.buildAdminProperties(sslBundles);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            int partitions;
            try {
                partitions = describe(admin, topic).partitions().size();
            } catch (UnknownTopicOrPartitionException missing) {
                partitions = create(admin, sourceTopic, topic);
            }
            partitionsOfDeadLetterTopic.put(topic, partitions);
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check or create the dead-letter topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private int create(Admin admin, String sourceTopic, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription source = describe(admin, sourceTopic);
        int partitions = source.partitions().size();
        short replicas = (short) source.partitions().get(0).replicas().size();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, sourceTopic);
        Config sourceConfig = admin.describeConfigs(List.of(resource)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry maxMessage = sourceConfig == null ? null : sourceConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        int maxMessageBytes = (maxMessage == null ? 1_048_588 : Integer.parseInt(maxMessage.value())) + HEADER_ROOM;
        NewTopic deadLetters = new NewTopic(topic, partitions, replicas).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)));
        try {
            admin.createTopics(List.of(deadLetters)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created dead-letter topic {} with {} partitions, replication {}, infinite retention",
                    topic, partitions, replicas);
            return partitions;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return describe(admin, topic).partitions().size(); // another instance was first
            }
            throw e;
        }
    }

    private static TopicDescription describe(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        KafkaFuture<TopicDescription> future = admin.describeTopics(Set.of(topic)).topicNameValues().get(topic);
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException missing) {
                throw missing;
            }
            throw e;
        }
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = kafkaProperties.buildProducerProperties(sslBundles);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() - 1000);
                    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "governance-query-dead-letters");
                    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Producer<String, byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private static void text(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
