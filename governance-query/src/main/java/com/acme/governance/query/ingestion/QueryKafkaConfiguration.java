package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.IngestionProperties;
import com.acme.governance.query.config.QueryProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Map;

/**
 * The projections' Kafka consumer: its own factories (the command side has its own in the same context). Where a
 * partition resumes is the position the listener stores with the read models (see {@code ConsumerPositions});
 * Kafka's committed offset is still committed after each poll's records were applied, but only for lag tools.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestionProperties.class)
public class QueryKafkaConfiguration {

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /**
     * Its consumers' client metrics go to Micrometer: {@code kafka.consumer.fetch.manager.records.lag} per partition
     * is the projections' lag (records on the topic not yet applied), beside {@code governance.projection.*}.
     */
    @Bean
    public ConsumerFactory<String, byte[]> queryConsumerFactory(KafkaProperties kafkaProperties,
                                                                ObjectProvider<SslBundles> sslBundles,
                                                                QueryProperties properties,
                                                                ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> config = kafkaProperties.buildConsumerProperties(sslBundles.getIfAvailable());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only for a group that has neither a stored position nor a committed offset; the listener seeks anyway.
        // The relay may write in Kafka transactions; aborted writes must never reach a read model.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        meterRegistry.ifAvailable(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }

    @Bean
    public DefaultErrorHandler queryKafkaErrorHandler(ProjectionStallMonitor queryProjectionStallMonitor) {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2.0);
        backOff.setMaxInterval(MAX_RETRY.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE); // retry until it applies: a skipped event is a corrupt read model
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(new NeverSkipRecoverer(), backOff);
        errorHandler.setClassifications(Map.of(), true); // even "fatal" exceptions are retried rather than skipped
        errorHandler.setRetryListeners(queryProjectionStallMonitor); // counts, logs once, reports a stall
        return errorHandler;
    }

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, byte[]> queryKafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> queryConsumerFactory, DefaultErrorHandler queryKafkaErrorHandler,
            QueryProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(queryConsumerFactory);
        factory.setCommonErrorHandler(queryKafkaErrorHandler);
        factory.setConcurrency(properties.consumerConcurrency());
        factory.setAutoStartup(properties.consumerAutoStartup());
        // Kafka's committed offset is only informative now (lag tools): one commit per poll, not one per record.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
