package com.acme.governance.command.config;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.command.audit.AppendCheck;
import com.acme.governance.command.audit.HashChainingEventStorageEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.List;

/**
 * Axon wiring built from the plain MongoDB driver rather than the Mongo starter: the starter's Spring Data
 * transaction manager needs sessions, which the embedded MongoDB-wire server lacks (see STACK-NOTES).
 */
@Configuration
@EnableConfigurationProperties(CommandProperties.class)
public class AxonConfig {

    @Bean
    @Primary
    Serializer commandAxonSerializer(ObjectMapper objectMapper) {
        return JacksonSerializer.builder().objectMapper(objectMapper.copy()).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer commandEventSerializer(ObjectMapper objectMapper) {
        return JacksonSerializer.builder().objectMapper(objectMapper.copy()).lenientDeserialization().build();
    }

    @Bean
    MongoTemplate commandAxonMongoTemplate(MongoClient mongoClient, CommandProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, properties.mongoDatabase()).build();
    }

    /**
     * One document per event; the unique index on {aggregateIdentifier, sequenceNumber} is what makes concurrent
     * appends from several instances fail instead of forking an aggregate, and Axon only creates it on request.
     * Every feature's {@link AppendCheck} (such as the relay's record size limit) sees each event before it is stored.
     * Events of a revision the contract superseded are read as the current one ({@link SupersededRevisionUpcaster});
     * only the relay reads them as stored (adr/0027).
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate commandAxonMongoTemplate,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, ObjectMapper objectMapper,
                                          CommandProperties properties, ObjectProvider<AppendCheck> appendChecks) {
        MongoEventStorageEngine mongo = mongoEventStorage(commandAxonMongoTemplate, eventSerializer, serializer,
                properties, SupersededRevisionUpcaster.ofCatalog());
        mongo.ensureIndexes();
        List<AppendCheck> checks = appendChecks.orderedStream().toList();
        return new HashChainingEventStorageEngine(mongo, objectMapper, sealed -> checks.forEach(c -> c.check(sealed)));
    }

    /**
     * The application's event store, as Axon's auto-configuration builds it (same bean name, qualifier, monitor and
     * spans), except that its cache of the latest events is bounded by {@link CommandProperties#cachedEvents()}.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  CommandProperties properties) {
        return eventStoreCaching(properties.cachedEvents())
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /**
     * An embedded event store's builder that keeps at most this many of the latest events in memory. Axon's default
     * of 10,000 costs hundreds of MB with this store's tracking look-back (see {@link CommandProperties}).
     */
    public static EmbeddedEventStore.Builder eventStoreCaching(int cachedEvents) {
        return EmbeddedEventStore.builder().cachedEvents(cachedEvents);
    }

    /** The event store's layout, with the given upcasters: the application's reads, or the relay's as stored. */
    public static MongoEventStorageEngine mongoEventStorage(MongoTemplate template, Serializer eventSerializer,
                                                            Serializer snapshotSerializer, CommandProperties properties,
                                                            EventUpcaster upcasters) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(),
                        properties.trackingLookBack()))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(upcasters)
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate commandAxonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(commandAxonMongoTemplate).serializer(serializer).build();
    }

    /** Axon's "correlation" key holds the direct cause and its "trace" key the root: named for what they are. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.PRINCIPAL, AuditMetadata.ISSUER, AuditMetadata.TEAMS,
                AuditMetadata.ROLES);
    }

    @Bean
    Cache commandAggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate commandAxonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(commandAxonMongoTemplate).serializer(serializer).build();
    }

    /**
     * No event may be skipped by the command side's own processors (the relay, the policy catalog, the sagas): a
     * failing handler stops its processor, which retries the same event with back-off until it succeeds. Each feature
     * registers and tunes its own processor (the relay in {@code RelayConfig}).
     */
    @Bean
    ConfigurerModule eventProcessingNeverSkips() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, CommandProperties properties) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new BeanValidationInterceptor<>())
                .retryScheduler(ConflictRetry.scheduler(properties.conflictRetries()))
                .build();
    }

}
