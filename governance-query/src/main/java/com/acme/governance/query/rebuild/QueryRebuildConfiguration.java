package com.acme.governance.query.rebuild;

import com.acme.governance.query.config.IngestionProperties;
import com.acme.governance.query.config.QueryProperties;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.config.RebuildProperties;
import com.acme.governance.query.ingestion.AggregateParallelism;
import com.acme.governance.query.ingestion.ConsumerPositions;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.ingestion.RecordDecoder;
import com.acme.governance.query.parking.ParkedEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The rebuild's wiring: its own Kafka consumer (no group), the rebuilder, and its health contributor. */
@Configuration(proxyBeanMethods = false)
public class QueryRebuildConfiguration {

    /**
     * No consumer group: the rebuild assigns itself every partition and seeks, so it never joins (or disturbs) the
     * live consumers' group, and commits nothing; its progress is stored with its state.
     */
    @Bean
    public ConsumerFactory<String, byte[]> queryRebuildConsumerFactory(KafkaProperties kafkaProperties,
                                                                       ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = kafkaProperties.buildConsumerProperties(sslBundles.getIfAvailable());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // As the live consumer: what a transaction of the relay aborted must not reach the rebuilt models either.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "governance-query-rebuild");
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Bean
    public ProjectionRebuilder queryProjectionRebuilder(ReadModelDatabase database, List<ReadModelIndexes> indexes,
                                                        RecordDecoder decoder, ProjectionDispatcher dispatcher,
                                                        ConsumerPositions consumerPositions,
                                                        ParkedEvents parkedEvents, ProjectionRebuilds rebuilds,
                                                        ConsumerFactory<String, byte[]> queryRebuildConsumerFactory,
                                                        @Value("${governance.kafka.topic:governance.events}") String topic,
                                                        QueryProperties query, RebuildProperties properties,
                                                        AggregateParallelism queryRebuildParallelism) {
        RebuildRun.Services services = new RebuildRun.Services(database, database.generations(), indexes, decoder,
                dispatcher, consumerPositions, parkedEvents, rebuilds, topic, query.consumerGroup(), properties.checkpoint(),
                properties.progressLog(), properties.retryFor(), Clock.systemUTC(), queryRebuildParallelism);
        return new ProjectionRebuilder(services, queryRebuildConsumerFactory, properties);
    }

    /** The rebuild's own threads, so that a rebuild never takes the live consumer's; closed with the context. */
    @Bean
    public AggregateParallelism queryRebuildParallelism(IngestionProperties ingestion) {
        return new AggregateParallelism(ingestion.parallelism(), "projection-rebuild-worker");
    }

    /** {@code projectionRebuild}: always UP (a rebuild never makes the live models unready); says what it does. */
    @Bean
    public ProjectionRebuildHealthIndicator projectionRebuildHealthIndicator(ProjectionRebuilds rebuilds,
                                                                             RebuildProperties properties) {
        return new ProjectionRebuildHealthIndicator(rebuilds, properties.lease());
    }
}
