package com.acme.governance.query.subscription;

import com.acme.governance.query.config.QueryProperties;
import com.acme.governance.query.ingestion.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.UUID;

/** The event feed of the GraphQL subscriptions, with a Kafka consumer of its own (a group of its own, read_committed). */
@Configuration(value = "querySubscriptionConfiguration", proxyBeanMethods = false)
public class SubscriptionConfiguration {

    @Bean
    GovernanceEventFeed queryGovernanceEventFeed(KafkaProperties kafkaProperties,
                                                 ObjectProvider<SslBundles> sslBundles, RecordDecoder decoder,
                                                 @Value("${governance.kafka.topic:governance.events}") String topic,
                                                 QueryProperties query) {
        Map<String, Object> config = kafkaProperties.buildConsumerProperties(sslBundles.getIfAvailable());
        // a group of this instance's alone, new at every start, never committed: every partition, from its end
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "governance-query-graphql-feed-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // as the live consumer: what a relay transaction aborted is no event
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "governance-query-graphql-feed");
        return new GovernanceEventFeed(() -> new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), decoder, topic, query.consumerAutoStartup());
    }
}
