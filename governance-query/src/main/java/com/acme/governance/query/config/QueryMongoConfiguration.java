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
@EnableConfigurationProperties({QueryProperties.class, RebuildProperties.class})
public class QueryMongoConfiguration {

    @Bean
    public ReadModelDatabase queryReadModelDatabase(MongoClient mongoClient, QueryProperties properties,
                                                    RebuildProperties rebuild, ObjectMapper objectMapper) {
        return new ReadModelDatabase(mongoClient.getDatabase(properties.mongoDatabase()), objectMapper,
                rebuild.generationCache());
    }

    /** Which generation of the read models is live, and which one a thread works on (ADR 0026). */
    @Bean
    public ReadModelGenerations queryReadModelGenerations(ReadModelDatabase queryReadModelDatabase) {
        return queryReadModelDatabase.generations();
    }

    /**
     * Every feature's indexes on the live generation, once all beans exist and before the Kafka listeners start (they
     * start with the context); a rebuild creates them on its own generation before it writes there.
     */
    @Bean
    public SmartInitializingSingleton queryReadModelIndexCreation(ReadModelDatabase database,
                                                                  List<ReadModelIndexes> indexes) {
        return () -> indexes.forEach(feature -> feature.createIndexes(database));
    }
}
