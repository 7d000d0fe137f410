package com.acme.governance.query.config;

import com.mongodb.client.MongoClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-model database on Boot's shared {@link MongoClient} (built from {@code spring.data.mongodb.uri}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
public class QueryMongoConfiguration {

    @Bean
    public ReadModelDatabase queryReadModelDatabase(MongoClient mongoClient, QueryProperties properties) {
        ReadModelDatabase database = new ReadModelDatabase(mongoClient.getDatabase(properties.mongoDatabase()));
        database.ensureIndexes();
        return database;
    }
}
