package com.acme.governance.query.audit.verify;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's read-only connection to the event store (adr/0024): the query side's own MongoDB client when
 * {@code governance.query.event-store.uri} is empty or the same as {@code spring.data.mongodb.uri}, else a client of
 * its own for that URI, so that production can give it a user who may only read the event store's database.
 */
@Configuration(value = "queryEventStoreConnection", proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreProperties.class, AuditKeyProperties.class})
public class EventStoreConnection {

    /**
     * @param customizers what Boot applies to the shared client (the server selection timeout, ADR 0012's settings),
     *                    applied to a client of its own too
     */
    @Bean
    public EventStore queryEventStore(MongoClient mongoClient, EventStoreProperties properties,
                                      @Value("${spring.data.mongodb.uri:}") String queryUri,
                                      ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        boolean shared = properties.uri().isBlank() || properties.uri().equals(queryUri);
        MongoClient client = shared ? mongoClient : ownClient(properties.uri(), customizers);
        // the driver's default registry maps the stored documents onto records (its record codec)
        MongoDatabase database = client.getDatabase(properties.database())
                .withCodecRegistry(MongoClientSettings.getDefaultCodecRegistry());
        return new EventStore(database, shared ? null : client);
    }

    private static MongoClient ownClient(String uri, ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri));
        customizers.orderedStream().forEach(customizer -> customizer.customize(settings));
        return MongoClients.create(settings.build());
    }
}
