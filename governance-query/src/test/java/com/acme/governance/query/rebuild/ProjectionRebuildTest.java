package com.acme.governance.query.rebuild;

import com.acme.governance.query.access.AccessGrantIndexes;
import com.acme.governance.query.access.AccessGrantProjection;
import com.acme.governance.query.access.AccessRequestIndexes;
import com.acme.governance.query.access.AccessRequestProjection;
import com.acme.governance.query.audit.AuditEventIndexes;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelGenerations;
import com.acme.governance.query.config.RebuildProperties;
import com.acme.governance.query.dataproduct.DataProductIndexes;
import com.acme.governance.query.ingestion.AggregateParallelism;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.policy.PolicyIndexes;
import com.acme.governance.query.policy.PolicyProjection;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.Ingestion;
import com.acme.governance.query.support.PolicyStream;
import com.acme.governance.query.support.RelayRecords;
import com.acme.governance.query.support.ReplayableMockConsumer;
import com.acme.governance.query.support.TestJson;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.mock.MockConsumerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The rebuild over a partition log that the live side applied first: every read model projected again into a fresh
 * generation, swapped in, equal document by document; the live generation serves and stays untouched until the
 * swap; one rebuild at a time; an interrupted rebuild resumed by another instance.
 */
class ProjectionRebuildTest {

    private static final TopicPartition PARTITION = new TopicPartition(RelayRecords.TOPIC, 0);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final RebuildProperties FAST = new RebuildProperties(Duration.ofMillis(100),
            Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(600), Duration.ofSeconds(5));

    private static InMemoryMongo mongo;
    private final List<ProjectionRebuilder> rebuilders = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> log = new CopyOnWriteArrayList<>();
    private final List<MockConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
    /** While closed, the rebuild thread waits before it applies an event (the live side never does). */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    /** Null: the gate stops the rebuild at any event; else only at the events of this aggregate. */
    private volatile String gatedAggregate;
    private final CountDownLatch atTheGate = new CountDownLatch(1);
    private ReadModelDatabase database;
    private Ingestion live;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @AfterEach
    void stopRebuilders() {
        gate.countDown();
        rebuilders.forEach(ProjectionRebuilder::stop);
    }

    @Test
    void aRebuildFillsAFreshGenerationAndSwapsItInEqualDocumentByDocument() {
        liveSideApplied(history(20));
        Map<String, List<Document>> before = documentsOf(0);

        rebuilder().request("admin");

        RebuildState done = awaitStatus(RebuildStatus.COMPLETED);
        assertThat(database.generations().liveNow()).isEqualTo(1);
        assertThat(done.eventsDone()).isEqualTo(log.size());
        assertThat(done.requestedBy()).isEqualTo("admin");
        assertThat(before.keySet()).contains("data_products", "policies", "policy_versions", "access_requests",
                "access_grants", "audit_events", "projection_positions");
        assertThat(documentsOf(1)).isEqualTo(before);
        assertThat(documentsOf(0)).as("the old generation is kept as it was").isEqualTo(before);
        // tokens: the positions the live side reached are the rebuilt generation's positions
        IncomingEvent last = DataProductStream.fullLifecycle("load.product-7").get(5);
        assertThat(live.projectionPositions.current(last.aggregateId())).isEqualTo(last.sequence());
    }

    @Test
    void theLiveGenerationServesAndStaysUntouchedWhileTheRebuildRunsAndASecondRebuildIsRefused() throws Exception {
        liveSideApplied(history(10));
        Map<String, List<Document>> before = documentsOf(0);
        gate = new CountDownLatch(1);
        ProjectionRebuilder rebuilder = rebuilder();

        RebuildState started = rebuilder.request("admin");

        assertThatThrownBy(() -> rebuilder.request("admin")).isInstanceOf(RebuildInProgressException.class);
        assertThatThrownBy(() -> rebuilder().request("admin")).as("another instance").isInstanceOf(RebuildInProgressException.class);
        assertThat(database.generations().liveNow()).isZero();
        assertThat(live.product("load.product-3")).isNotNull();
        assertThat(documentsOf(0)).isEqualTo(before);
        assertThat(started.targetGeneration()).isEqualTo(1);
        gate.countDown();
        awaitStatus(RebuildStatus.COMPLETED);
        assertThat(documentsOf(1)).isEqualTo(before);
    }

    @Test
    void eventsTheLiveSideAppliesDuringTheRebuildAreInTheNewGenerationAfterTheSwap() throws Exception {
        liveSideApplied(history(10));
        gate = new CountDownLatch(1);
        rebuilder().request("admin");
        await().atMost(WAIT).until(() -> rebuilders.get(0).isBusy());

        List<IncomingEvent> later = new ArrayList<>(DataProductStream.fullLifecycle("late.product"));
        later.addAll(PolicyStream.fullLifecycle("late-policy"));
        liveSideApplied(later);
        Map<String, List<Document>> live = documentsOf(0);
        gate.countDown();

        awaitStatus(RebuildStatus.COMPLETED);
        assertThat(documentsOf(1)).isEqualTo(live);
    }

    @Test
    void anInterruptedRebuildChangesNothingLiveAndAnotherInstanceResumesItFromItsCheckpoint() throws Exception {
        liveSideApplied(history(8));
        Map<String, List<Document>> before = documentsOf(0);
        gate = new CountDownLatch(1);
        ProjectionRebuilder first = rebuilder();
        first.request("admin");
        await().atMost(WAIT).until(() -> first.isBusy());

        first.stop(); // its thread gives up waiting at the gate: stopped mid-rebuild, its lease lapses
        gate.countDown();
        await().atMost(WAIT).until(() -> !first.isBusy());
        RebuildState interrupted = new ProjectionRebuilds(database).latest().orElseThrow();
        assertThat(interrupted.status()).isEqualTo(RebuildStatus.RUNNING);
        ProjectionRebuildHealthIndicator health = new ProjectionRebuildHealthIndicator(new ProjectionRebuilds(database),
                FAST.lease());
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(health.health().getDetails().get("interrupted")));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(database.generations().liveNow()).isZero();
        assertThat(documentsOf(0)).isEqualTo(before);

        rebuilder(); // another instance: it takes the silent rebuild over
        RebuildState done = awaitStatus(RebuildStatus.COMPLETED);
        assertThat(done.resumes()).isEqualTo(1);
        assertThat(database.generations().liveNow()).isEqualTo(1);
        assertThat(documentsOf(1)).isEqualTo(before);
    }

    @Test
    void aPartitionAddedToTheTopicDuringTheRebuildIsReadFromItsStartBeforeTheSwap() throws Exception {
        liveSideApplied(history(3));
        gate = new CountDownLatch(1);
        ProjectionRebuilder rebuilder = rebuilder();
        rebuilder.request("admin");
        await().atMost(WAIT).until(rebuilder::isBusy);

        TopicPartition added = new TopicPartition(RelayRecords.TOPIC, 1);
        List<IncomingEvent> onTheNewPartition = DataProductStream.fullLifecycle("new.partition-product");
        for (int offset = 0; offset < onTheNewPartition.size(); offset++) {
            ConsumerRecord<String, byte[]> record = RelayRecords.of(onTheNewPartition.get(offset), 1, offset);
            log.add(record);
            live.listener.onRecord(record);
        }
        consumers.forEach(consumer -> {
            consumer.updatePartitions(RelayRecords.TOPIC, List.of(partitionInfo(PARTITION), partitionInfo(added)));
            consumer.updateEndOffsets(Map.of(added, (long) onTheNewPartition.size()));
        });
        Map<String, List<Document>> live = documentsOf(0);
        gate.countDown();

        awaitStatus(RebuildStatus.COMPLETED);
        assertThat(documentsOf(1)).isEqualTo(live);
    }

    @Test
    void aRecordDiscardedOnTheLiveSideIsSteppedOverAndItsAggregateRebuiltWhole() {
        liveSideApplied(history(1));
        List<IncomingEvent> product = DataProductStream.fullLifecycle("junk.behind");
        liveSideApplied(product.subList(0, 1));
        liveSideReceived(junk("junk.behind"));
        liveSideApplied(product.subList(1, product.size()));
        live.parking.discard(RelayRecords.TOPIC + "-0@" + (log.size() - product.size()), "admin");
        live.parking.retry("junk.behind");
        Map<String, List<Document>> released = documentsOf(0);

        rebuilder().request("admin");

        RebuildState done = awaitStatus(RebuildStatus.COMPLETED);
        assertThat(done.held()).isEmpty();
        assertThat(documentsOf(1)).isEqualTo(released);
    }

    @Test
    void anAggregateReleasedOnTheLiveSideWhileTheRebuildHeldItFailsTheRebuildAndChangesNothingLive() throws Exception {
        liveSideApplied(history(1));
        List<IncomingEvent> product = DataProductStream.fullLifecycle("junk.behind");
        liveSideApplied(product.subList(0, 1));
        liveSideReceived(junk("junk.behind"));
        liveSideApplied(product.subList(1, product.size()));
        long junkOffset = log.size() - product.size();
        liveSideApplied(DataProductStream.fullLifecycle("after.junk"));
        gatedAggregate = "after.junk";
        gate = new CountDownLatch(1);
        // one record at a time, so that being at the gate of after.junk means the junk before it was passed (held);
        // side by side, junk.behind may reach its junk only after the discard, and is then rightly stepped over
        ProjectionRebuilder rebuilder = rebuilder(1);
        rebuilder.request("admin");
        assertThat(atTheGate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("past the junk, held").isTrue();

        live.parking.discard(RelayRecords.TOPIC + "-0@" + junkOffset, "admin");
        live.parking.retry("junk.behind");
        Map<String, List<Document>> released = documentsOf(0);
        gate.countDown();

        RebuildState failed = awaitStatus(RebuildStatus.FAILED);
        assertThat(failed.failure()).contains("junk.behind").contains("request the rebuild again");
        assertThat(database.generations().liveNow()).isZero();
        assertThat(documentsOf(0)).isEqualTo(released);

        RebuildState again = rebuilder.request("admin");
        awaitStatus(RebuildStatus.COMPLETED);
        assertThat(documentsOf(again.targetGeneration())).isEqualTo(released);
    }

    @Test
    void anInstanceThatStopsStartsNoRebuildAndRecordsNone() {
        liveSideApplied(history(1));
        ProjectionRebuilder rebuilder = rebuilder();
        rebuilder.stop();

        assertThatThrownBy(() -> rebuilder.request("admin")).isInstanceOf(RebuildUnavailableException.class);

        assertThat(new ProjectionRebuilds(database).latest()).isEmpty();
    }

    @Test
    void aSwapThatAnotherSwapMadeImpossibleFailsInsteadOfBeingResumedForever() {
        liveSideApplied(history(3));
        gate = new CountDownLatch(1);
        ProjectionRebuilder rebuilder = rebuilder();
        rebuilder.request("admin");
        await().atMost(WAIT).until(rebuilder::isBusy);

        assertThat(database.generations().swap(0, 7)).as("someone else's swap").isTrue();
        gate.countDown();

        RebuildState failed = awaitStatus(RebuildStatus.FAILED);
        assertThat(failed.failure()).contains("no longer live");
        assertThat(database.generations().liveNow()).isEqualTo(7);
        await().atMost(WAIT).until(() -> !rebuilder.isBusy());
    }

    @Test
    void aSecondRebuildReplacesTheGenerationTheFirstOneSwappedInAndDropsTheOneBefore() {
        liveSideApplied(history(5));
        Map<String, List<Document>> before = documentsOf(0);
        ProjectionRebuilder rebuilder = rebuilder();
        rebuilder.request("admin");
        awaitStatus(RebuildStatus.COMPLETED);

        rebuilder.request("admin");

        awaitStatus(RebuildStatus.COMPLETED);
        assertThat(database.generations().liveNow()).isEqualTo(2);
        assertThat(documentsOf(2)).isEqualTo(before);
        assertThat(documentsOf(1)).isEqualTo(before);
        assertThat(documentsOf(0)).as("dropped when the second rebuild began").allSatisfy((name, docs) ->
                assertThat(docs).isEmpty());
    }

    private static List<IncomingEvent> history(int products) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            events.addAll(DataProductStream.fullLifecycle("load.product-" + i));
            events.addAll(PolicyStream.fullLifecycle("policy-" + i));
            events.addAll(AccessRequestStream.of(UUID.nameUUIDFromBytes(("request" + i).getBytes()).toString())
                    .requested().approvedByOwner().approvedBySteward().granted().revoked("carol", "no longer needed")
                    .events());
        }
        return events;
    }

    /** Appends the events to the partition and applies them through the live listener, as the live side does. */
    private void liveSideApplied(List<IncomingEvent> events) {
        if (live == null) {
            database = mongo.freshDatabase();
            EventPayloads payloads = new EventPayloads(TestJson.MAPPER);
            live = Ingestion.over(database, gated(), new PolicyProjection(database, payloads),
                    new AccessRequestProjection(database, payloads), new AccessGrantProjection(database, payloads));
            indexes().forEach(feature -> feature.createIndexes(database));
        }
        for (IncomingEvent event : events) {
            ConsumerRecord<String, byte[]> record = RelayRecords.of(event, log.size());
            log.add(record);
            live.listener.onRecord(record);
        }
    }

    private void liveSideReceived(ConsumerRecord<String, byte[]> record) {
        log.add(record);
        live.listener.onRecord(record);
    }

    /** A record that is no governance event, keyed by an aggregate: parked as undecodable, holding the aggregate. */
    private ConsumerRecord<String, byte[]> junk(String aggregateId) {
        return new ConsumerRecord<>(RelayRecords.TOPIC, 0, log.size(), aggregateId,
                "not an event".getBytes(StandardCharsets.UTF_8));
    }

    private Projection gated() {
        return event -> {
            if (Thread.currentThread().getName().startsWith("projection-rebuild")
                    && (gatedAggregate == null || gatedAggregate.equals(event.aggregateId()))) {
                atTheGate.countDown();
                try {
                    gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted at the gate", e);
                }
            }
        };
    }

    private static List<com.acme.governance.query.config.ReadModelIndexes> indexes() {
        return List.of(new DataProductIndexes(), new PolicyIndexes(), new AccessRequestIndexes(),
                new AccessGrantIndexes(), new AuditEventIndexes());
    }

    private ProjectionRebuilder rebuilder() {
        return rebuilder(4);
    }

    private ProjectionRebuilder rebuilder(int parallelism) {
        RebuildRun.Services services = new RebuildRun.Services(database, database.generations(), indexes(),
                live.decoder, live.dispatcher, live.consumerPositions, live.parked, new ProjectionRebuilds(database),
                RelayRecords.TOPIC, Ingestion.GROUP, FAST.checkpoint(), FAST.progressLog(), FAST.retryFor(),
                Clock.systemUTC(), new AggregateParallelism(parallelism, "projection-rebuild-worker"));
        ProjectionRebuilder rebuilder = new ProjectionRebuilder(services, new MockConsumerFactory<>(this::consumer),
                FAST);
        rebuilder.start();
        rebuilders.add(rebuilder);
        return rebuilder;
    }

    private MockConsumer<String, byte[]> consumer() {
        MockConsumer<String, byte[]> consumer = ReplayableMockConsumer.over(PARTITION, log);
        consumer.updatePartitions(PARTITION.topic(), List.of(partitionInfo(PARTITION)));
        consumer.updateEndOffsets(Map.of(PARTITION, log.stream().filter(record -> record.partition() == 0).count()));
        consumers.add(consumer);
        return consumer;
    }

    private static PartitionInfo partitionInfo(TopicPartition partition) {
        return new PartitionInfo(partition.topic(), partition.partition(), null, null, null);
    }

    private RebuildState awaitStatus(RebuildStatus status) {
        ProjectionRebuilds rebuilds = new ProjectionRebuilds(database);
        await().atMost(WAIT).until(() -> rebuilds.latest().map(RebuildState::status).orElse(null),
                current -> current == status || current == RebuildStatus.FAILED);
        RebuildState state = rebuilds.latest().orElseThrow();
        assertThat(state.status()).as("failure: %s", state.failure()).isEqualTo(status);
        return state;
    }

    /** Every read-model collection of a generation, its documents in {@code _id} order. */
    private Map<String, List<Document>> documentsOf(long generation) {
        Map<String, List<Document>> documents = new TreeMap<>();
        for (String name : database.generationalCollections()) {
            documents.put(name, database.generations().pinned(generation, () -> database.collection(name,
                    Document.class).find().sort(Sorts.ascending("_id")).into(new ArrayList<>())));
        }
        return documents;
    }
}
