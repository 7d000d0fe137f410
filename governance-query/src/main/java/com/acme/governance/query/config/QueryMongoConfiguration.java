package com.acme.governance.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The read-model database on Boot's shared {@link MongoClient} (built from {@code spring.data.mongodb.uri}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
public class QueryMongoConfiguration {

    @Bean
    public ReadModelDatabase queryReadModelDatabase(MongoClient mongoClient, QueryProperties properties,
                                                    ObjectMapper objectMapper) {
        return new ReadModelDatabase(mongoClient.getDatabase(properties.mongoDatabase()), objectMapper);
    }

    /** Every feature's indexes, once all beans exist and before the Kafka listeners start (they start with the context). */
    @Bean
    public SmartInitializingSingleton queryReadModelIndexCreation(ReadModelDatabase database,
                                                                  List<ReadModelIndexes> indexes) {
        return () -> indexes.forEach(feature -> feature.createIndexes(database));
    }
}
