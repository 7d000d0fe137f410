package com.acme.governance.command.relay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure the topic exists, with its partitions and infinite retention, before the first event goes out. Done
 * lazily by the relay rather than at start-up, so the command side starts, and accepts commands, while Kafka is down.
 * An existing topic is never changed: more partitions would move keys, and with them the order per aggregate.
 */
public class GovernanceTopic {

    private static final Logger log = LoggerFactory.getLogger(GovernanceTopic.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin admin;
    private final NewTopic topic;
    private final int maxRecordBytes;
    /** How long a successful check is trusted: an operator may change the topic's limit while the relay runs. */
    private static final Duration RECHECK = Duration.ofMinutes(5);

    private volatile boolean ensured;
    private volatile long ensuredAt;

    public GovernanceTopic(KafkaAdmin admin, GovernanceTopicProperties properties) {
        this.admin = admin;
        this.maxRecordBytes = properties.maxRecordBytes();
        this.topic = TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes))
                .build();
    }

    public String name() {
        return topic.name();
    }

    /**
     * Creates the topic if it is missing; fails, so the relay reports it and retries, if an existing topic would refuse
     * records the command side accepts.
     */
    void ensureExists() throws ExecutionException, InterruptedException, TimeoutException {
        if (ensured && System.nanoTime() - ensuredAt < RECHECK.toNanos()) {
            return;
        }
        Admin client = Admin.create(admin.getConfigurationProperties());
        try {
            if (client.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic.name())) {
                warnIfShapedDifferently(client);
                requireRecordLimit(client);
            } else {
                create(client);
            }
        } finally {
            // bounded: with the broker down, a plain close() would wait for the admin's own, longer, timeouts
            client.close(Duration.ofSeconds(TIMEOUT_SECONDS));
        }
        ensuredAt = System.nanoTime();
        ensured = true;
    }

    private void create(Admin client) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            client.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Created topic {} with {} partitions and infinite retention", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void requireRecordLimit(Admin client) throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config config = client.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(resource);
        ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        if (entry != null && entry.value() != null && Integer.parseInt(entry.value()) < maxRecordBytes) {
            throw new IllegalStateException("Topic " + topic.name() + " accepts records of at most " + entry.value()
                    + " bytes (max.message.bytes) but governance.kafka.max-record-bytes is " + maxRecordBytes
                    + ": raise the topic's max.message.bytes or lower the property; nothing is relayed until then");
        }
    }

    private void warnIfShapedDifferently(Admin client) throws ExecutionException, InterruptedException,
            TimeoutException {
        TopicDescription existing = client.describeTopics(List.of(topic.name())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic.name());
        if (existing.partitions().size() != topic.numPartitions()) {
            log.warn("Topic {} has {} partitions, the configuration asks for {}; it is left as it is, since changing "
                    + "them would break the order of events per aggregate", topic.name(), existing.partitions().size(),
                    topic.numPartitions());
        }
    }
}
