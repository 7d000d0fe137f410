package com.acme.governance.command.deadline;

import com.acme.governance.edge.testing.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines survive a restart, fire once when due by the injected clock, and can be cancelled per scope. */
class MongoDeadlineManagerTest {

    private static final String EXPIRY = "access-grant-expiry";

    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failDelivery = new AtomicBoolean();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> collection;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        collection = client.getDatabase("events").getCollection("deadlines");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void scheduledDeadlineSurvivesRestartAndFiresOnceWhenDue() {
        newManager().schedule(clock.instant().plus(Duration.ofDays(30)), EXPIRY, null, scope("request-1"));

        MongoDeadlineManager afterRestart = newManager();
        assertThat(afterRestart.fireDueDeadlines()).isZero();
        clock.advance(Duration.ofDays(30).plusSeconds(1));

        assertThat(afterRestart.fireDueDeadlines()).isEqualTo(1);
        assertThat(afterRestart.fireDueDeadlines()).isZero();
        assertThat(delivered).containsExactly("request-1:" + EXPIRY);
    }

    @Test
    void cancelledWithinScopeNeverFires() {
        MongoDeadlineManager manager = newManager();
        manager.schedule(clock.instant().plusSeconds(60), EXPIRY, null, scope("request-1"));
        manager.schedule(clock.instant().plusSeconds(60), EXPIRY, null, scope("request-2"));

        manager.cancelAllWithinScope(EXPIRY, scope("request-1"));
        clock.advance(Duration.ofMinutes(2));
        manager.fireDueDeadlines();

        assertThat(delivered).containsExactly("request-2:" + EXPIRY);
    }

    @Test
    void failedDeadlineStaysScheduledAndRunsAgainAfterItsClaimLapses() {
        MongoDeadlineManager manager = newManager();
        manager.schedule(clock.instant().plusSeconds(60), EXPIRY, null, scope("request-1"));
        clock.advance(Duration.ofMinutes(2));

        failDelivery.set(true);
        manager.fireDueDeadlines();
        assertThat(collection.countDocuments()).isEqualTo(1);

        failDelivery.set(false);
        assertThat(manager.fireDueDeadlines()).as("still claimed by the failed attempt").isZero();
        clock.advance(Duration.ofMinutes(2));
        manager.fireDueDeadlines();
        assertThat(delivered).containsExactly("request-1:" + EXPIRY);
        assertThat(collection.countDocuments()).isZero();
    }

    private MongoDeadlineManager newManager() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        return new MongoDeadlineManager(collection, scope -> Stream.of(new RecordingScope()), serializer,
                NoTransactionManager.INSTANCE, clock, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    private static ScopeDescriptor scope(String aggregateId) {
        return new AggregateScopeDescriptor("AccessRequest", aggregateId);
    }

    private final class RecordingScope implements ScopeAware {
        @Override
        public void send(Message<?> message, ScopeDescriptor scope) {
            if (failDelivery.get()) {
                throw new IllegalStateException("handler failed");
            }
            AggregateScopeDescriptor aggregate = (AggregateScopeDescriptor) scope;
            delivered.add(aggregate.getIdentifier() + ":" + ((DeadlineMessage<?>) message).getDeadlineName());
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return scope instanceof AggregateScopeDescriptor;
        }
    }
}
