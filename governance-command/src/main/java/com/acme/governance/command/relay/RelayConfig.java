package com.acme.governance.command.relay;

import com.acme.governance.command.config.AxonConfig;
import com.acme.governance.command.config.CommandProperties;
import com.acme.governance.command.relay.republish.TopicRepublisher;
import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * The relay's own wiring: its tracking processor, and its producer, durable (acks=all, idempotent, so retries keep
 * per-key order) and quick to fail.
 */
@Configuration
@EnableConfigurationProperties({GovernanceTopicProperties.class, RelayProcessorProperties.class})
public class RelayConfig {

    /**
     * One thread, one segment: the relay's per-aggregate order and its {@link RelayedSequences} rely on it. It tracks
     * the store as stored, not the application's upcasting event store (adr/0027).
     */
    @Bean
    ConfigurerModule commandRelayProcessor(RelayProcessorProperties properties, StoredEvents commandStoredEvents) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP, config -> {
                    commandStoredEvents.follow(config.eventStore());
                    return commandStoredEvents.store();
                }, config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize()));
    }

    /** The event store without upcasters, the same documents as the application's: what the relay publishes. */
    @Bean
    StoredEvents commandStoredEvents(MongoTemplate commandAxonMongoTemplate,
                                     @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
                                     CommandProperties properties) {
        return new StoredEvents(AxonConfig.mongoEventStorage(commandAxonMongoTemplate, eventSerializer, serializer,
                properties, NoOpEventUpcaster.INSTANCE), properties.cachedEvents());
    }

    @Bean
    ProducerFactory<String, byte[]> commandRelayProducerFactory(KafkaProperties kafkaProperties,
                                                                GovernanceTopicProperties topicProperties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // the same limit the command side enforces on every event before storing it (RecordSizeLimit)
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, topicProperties.maxRecordBytes());
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> commandRelayKafkaTemplate(ProducerFactory<String, byte[]> commandRelayProducerFactory) {
        return new KafkaTemplate<>(commandRelayProducerFactory);
    }

    @Bean
    GovernanceTopic commandGovernanceTopic(KafkaAdmin kafkaAdmin, GovernanceTopicProperties properties) {
        return new GovernanceTopic(kafkaAdmin, properties);
    }

    @Bean
    CloudEventRecords commandCloudEventRecords(@Qualifier("eventSerializer") Serializer eventSerializer,
                                               GovernanceTopic commandGovernanceTopic) {
        return new CloudEventRecords(eventSerializer, commandGovernanceTopic.name());
    }

    @Bean
    RecordSizeLimit commandRecordSizeLimit(CloudEventRecords commandCloudEventRecords,
                                           GovernanceTopicProperties properties) {
        return new RecordSizeLimit(commandCloudEventRecords, properties.maxRecordBytes());
    }

    @Bean
    RelayedSequences commandRelayedSequences(MongoClient mongoClient, CommandProperties properties) {
        return new RelayedSequences(mongoClient.getDatabase(properties.mongoDatabase()).getCollection("relay_positions"));
    }

    @Bean
    KafkaRelay commandKafkaRelay(KafkaTemplate<String, byte[]> commandRelayKafkaTemplate, CloudEventRecords records,
                                 GovernanceTopic commandGovernanceTopic, RelayedSequences commandRelayedSequences,
                                 StoredEvents commandStoredEvents, RelayProgress commandRelayProgress,
                                 RelayProcessorProperties properties) {
        return new KafkaRelay(commandRelayKafkaTemplate, records, commandGovernanceTopic, commandRelayedSequences,
                commandStoredEvents.store(), properties.acknowledgementTimeout(), commandRelayProgress);
    }

    @Bean
    RelayProgress commandRelayProgress(Clock clock, MeterRegistry meterRegistry) {
        return new RelayProgress(clock, meterRegistry);
    }

    @Bean
    RelaySweep commandRelaySweep(KafkaRelay commandKafkaRelay, MongoTemplate commandAxonMongoTemplate,
                                 EventProcessingConfiguration eventProcessing, GovernanceTopicProperties properties) {
        return new RelaySweep(commandKafkaRelay, new StoredHeads(commandAxonMongoTemplate.eventCollection(),
                EventEntryConfiguration.getDefault()),
                eventProcessing, properties);
    }

    /** With a producer of its own, configured as the relay's: a republication never holds the live relay up. */
    @Bean
    TopicRepublisher commandTopicRepublisher(MongoTemplate commandAxonMongoTemplate, MongoClient mongoClient,
                                             CommandProperties commandProperties, StoredEvents commandStoredEvents,
                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                             ProducerFactory<String, byte[]> commandRelayProducerFactory,
                                             KafkaAdmin kafkaAdmin, GovernanceTopicProperties properties) {
        return new TopicRepublisher(commandAxonMongoTemplate.eventCollection(), EventEntryConfiguration.getDefault(),
                mongoClient.getDatabase(commandProperties.mongoDatabase()).getCollection("republications"),
                commandStoredEvents.store(), eventSerializer,
                new DefaultKafkaProducerFactory<>(commandRelayProducerFactory.getConfigurationProperties()),
                kafkaAdmin, properties);
    }

    @Bean
    RelayLag commandRelayLag(EventProcessingConfiguration eventProcessing, MongoTemplate commandAxonMongoTemplate,
                             MeterRegistry meterRegistry) {
        return new RelayLag(eventProcessing, commandAxonMongoTemplate.eventCollection(),
                EventEntryConfiguration.getDefault(), meterRegistry);
    }

    /** Named "relay" in /actuator/health. */
    @Bean("relay")
    RelayHealthIndicator commandRelayHealth(EventProcessingConfiguration eventProcessing,
                                            RelayProgress commandRelayProgress, MeterRegistry meterRegistry) {
        RelayHealthIndicator indicator = new RelayHealthIndicator(eventProcessing, commandRelayProgress);
        Gauge.builder("governance.relay.stalled", indicator,
                        health -> health.health().getStatus().equals(Status.DOWN) ? 1 : 0)
                .description("1 while the relay cannot get events onto Kafka and retries, else 0")
                .register(meterRegistry);
        return indicator;
    }
}
