package com.acme.governance.command;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.UpdateDataProduct;
import com.acme.governance.api.policy.AmendPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.command.audit.HashChainingEventStorageEngine;
import com.acme.governance.command.config.ConflictRetry;
import com.acme.governance.command.common.VersionMismatchException;
import com.acme.governance.command.dataproduct.ContractCatalog;
import com.acme.governance.command.dataproduct.DataProduct;
import com.acme.governance.command.policy.Policy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two command instances with their own aggregate caches share one event store, as in production. The instance whose
 * cached aggregate went stale loses the race on the unique index, and its command is retried on fresh state.
 */
class TwoCommandInstancesTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final PolicyId CONFIDENTIAL_DATA = PolicyId.of("confidential-data");
    private static final MetaData ALICE = TestActors.ALICE;
    private static final MetaData CAROL_STEWARD = TestActors.CAROL_STEWARD;
    private static final List<PolicyRule> RULES = List.of(new PolicyRule(
            new RuleCondition(List.of(Classification.CONFIDENTIAL), List.of()),
            new RuleOutcome(List.of(ApprovalRole.OWNER), 30, true)));

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private MongoServer server;
    private MongoClient client;
    private MongoEventStorageEngine store;
    private Configuration first;
    private Configuration second;

    @BeforeEach
    void startTwoInstances() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
        store = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "events").build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        store.ensureIndexes();
        first = instance(serializer);
        second = instance(serializer);
    }

    @AfterEach
    void stop() {
        first.shutdown();
        second.shutdown();
        client.close();
        server.shutdownNow();
    }

    @Test
    void staleInstanceLosesTheRaceAndRetriesOnFreshState() {
        send(first, new RegisterDataProduct(ORDERS, "Orders", null, TeamName.of("sales"), Classification.INTERNAL,
                List.of(), List.of()));
        send(first, update("cached by the first instance"));
        send(second, update("appended by the second instance"));

        Object lastSequence = send(first, update("from the first instance's stale cache"));

        assertThat(lastSequence).isEqualTo(3L);
        List<? extends DomainEventMessage<?>> events = store.readEvents(ORDERS.toString()).asStream().toList();
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events.get(3).getMetaData().get(AuditMetadata.PREVIOUS_HASH))
                .isEqualTo(events.get(2).getMetaData().get(AuditMetadata.HASH));
    }

    @Test
    void amendmentRetriedOnFreshStateFindsThePolicyChangedSinceItsETag() {
        send(first, new DefinePolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), RULES),
                CAROL_STEWARD);
        send(first, amend(1, "cached by the first instance"), CAROL_STEWARD);
        send(second, amend(2, "appended by the second instance"), CAROL_STEWARD);

        // the first instance's cache says version 2, which the ETag matches; the store holds 3: the race is lost on
        // the unique index, and the retry, on fresh state, refuses the amendment instead of appending it
        assertThatThrownBy(() -> send(first, amend(2, "from the first instance's stale cache"), CAROL_STEWARD))
                .isInstanceOf(VersionMismatchException.class)
                .hasMessage("confidential-data is at version 3, not 2");
        assertThat(store.readEvents("confidential-data").asStream().toList()).hasSize(3);
    }

    private static AmendPolicy amend(long expectedVersion, String rationale) {
        return new AmendPolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), RULES, rationale)
                .expecting(expectedVersion);
    }

    private Configuration instance(JacksonSerializer serializer) {
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> new HashChainingEventStorageEngine(store, objectMapper))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(DataProduct.class)
                        .configureCache(c -> new WeakReferenceCache()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Policy.class)
                        .configureCache(c -> new WeakReferenceCache()))
                .registerComponent(ContractCatalog.class, c -> reference -> Optional.empty())
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus()).retryScheduler(ConflictRetry.scheduler(3)).build())
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private static Object send(Configuration instance, Object command) {
        return send(instance, command, ALICE);
    }

    private static Object send(Configuration instance, Object command, MetaData actor) {
        return instance.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }

    private static UpdateDataProduct update(String description) {
        return new UpdateDataProduct(ORDERS, null, "Orders", description, Classification.INTERNAL, List.of(), List.of());
    }
}
