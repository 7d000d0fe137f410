package com.acme.governance.command.relay;

import com.acme.governance.command.config.GovernanceTopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure the topic exists, with its partitions and infinite retention, before the first event goes out. Done
 * lazily by the relay rather than at start-up, so the command side starts, and accepts commands, while Kafka is down.
 */
public class GovernanceTopic {

    private final KafkaAdmin admin;
    private final NewTopic topic;
    private volatile boolean ensured;

    public GovernanceTopic(KafkaAdmin admin, GovernanceTopicProperties properties) {
        this.admin = admin;
        this.topic = TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    public String name() {
        return topic.name();
    }

    void ensureExists() {
        if (!ensured) {
            admin.createOrModifyTopics(topic);
            ensured = true;
        }
    }
}
