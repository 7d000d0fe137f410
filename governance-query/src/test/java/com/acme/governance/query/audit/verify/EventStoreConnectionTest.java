package com.acme.governance.query.audit.verify;

import com.acme.governance.query.support.InMemoryMongo;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store connection: the query side's own client by default, one of its own for another URI. */
class EventStoreConnectionTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void byDefaultTheQuerySidesOwnClientIsSharedAndStaysOpen() {
        MongoClient shared = MONGO.client();
        EventStore store = connect(shared, "", MONGO.connectionString());
        shared.getDatabase("connection_default").getCollection(EventStore.EVENTS)
                .insertOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 0L));

        assertThat(store.holds("sales.orders", 0)).isTrue();
        store.close();
        assertThat(shared.getDatabase("connection_default").getCollection(EventStore.EVENTS).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void anotherUriGetsAClientOfItsOwnWithTheSharedCustomizationsClosedWithTheStore() {
        List<MongoClientSettings.Builder> customized = new ArrayList<>();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("timeout", (MongoClientSettingsBuilderCustomizer) settings -> {
            customized.add(settings);
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS));
        });
        MONGO.client().getDatabase("connection_own").getCollection(EventStore.EVENTS)
                .insertOne(new Document("aggregateIdentifier", "sales.orders").append("sequenceNumber", 0L));

        EventStore store = new EventStoreConnection().queryEventStore(MONGO.client(),
                properties(MONGO.connectionString() + "/?appName=event-store-reader", "connection_own"),
                MONGO.connectionString(), beans.getBeanProvider(MongoClientSettingsBuilderCustomizer.class));

        assertThat(store.holds("sales.orders", 0)).isTrue();
        assertThat(customized).hasSize(1);
        store.close();
        assertThatThrownBy(() -> store.holds("sales.orders", 0)).isInstanceOf(IllegalStateException.class);
        assertThat(MONGO.client().getDatabase("connection_own").getCollection(EventStore.EVENTS).countDocuments())
                .isEqualTo(1);
    }

    private static EventStore connect(MongoClient shared, String uri, String queryUri) {
        ObjectProvider<MongoClientSettingsBuilderCustomizer> none = new DefaultListableBeanFactory()
                .getBeanProvider(MongoClientSettingsBuilderCustomizer.class);
        return new EventStoreConnection().queryEventStore(shared, properties(uri, "connection_default"), queryUri,
                none);
    }

    private static EventStoreProperties properties(String uri, String database) {
        return new EventStoreProperties(uri, database, 10, Duration.ofSeconds(5), 1);
    }
}
