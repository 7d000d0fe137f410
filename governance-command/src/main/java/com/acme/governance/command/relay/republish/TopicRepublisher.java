package com.acme.governance.command.relay.republish;

import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.relay.CloudEventRecords;
import com.acme.governance.command.relay.GovernanceTopicProperties;
import com.acme.governance.edge.problem.InvalidInputException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the whole event store again into an empty topic, every aggregate's events in sequence order, as the relay
 * would have sent them (the same CloudEvents records, by the relay's own idempotent producer): the event store is
 * the system of record, the topic a copy that can be made again. The topic is created like the governance topic
 * (its partitions, replication and infinite retention, so that each aggregate's key lands in the same partition
 * number); one that holds records already, or has another number of partitions, is refused. A claim document per
 * target topic ({@code republications}) keeps two calls, on one instance or on two, from writing the same topic.
 */
public class TopicRepublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TopicRepublisher.class);
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final int BATCH = 500;
    private static final long TIMEOUT_SECONDS = 30;

    private final MongoCollection<Document> events;
    private final EventEntryConfiguration layout;
    private final MongoCollection<Document> claims;
    private final EventStore storedEvents;
    private final Serializer eventSerializer;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> producer;
    private final KafkaAdmin admin;
    private final GovernanceTopicProperties topic;

    /**
     * @param storedEvents the relay's reader of the store, which reads events as stored (no upcasting)
     * @param producers    configured as the relay's (acknowledged by all in-sync replicas, idempotent, one in flight),
     *                     but its own, so that a republication does not hold the live relay up
     */
    public TopicRepublisher(MongoCollection<Document> events, EventEntryConfiguration layout,
                            MongoCollection<Document> claims, EventStore storedEvents, Serializer eventSerializer,
                            DefaultKafkaProducerFactory<String, byte[]> producers, KafkaAdmin admin,
                            GovernanceTopicProperties topic) {
        this.events = events;
        this.layout = layout;
        this.claims = claims;
        this.storedEvents = storedEvents;
        this.eventSerializer = eventSerializer;
        this.producers = producers;
        this.producer = new KafkaTemplate<>(producers);
        this.admin = admin;
        this.topic = topic;
    }

    /** What one republication wrote. */
    public record Republished(String topic, int partitions, long aggregates, long events) {
    }

    /** @param operator who asked, for the log and the claim */
    public synchronized Republished republish(String target, String operator)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (target == null || !TOPIC_NAME.matcher(target).matches() || target.equals(".") || target.equals("..")) {
            throw new InvalidInputException("topic", "must be a Kafka topic name: 1 to 249 of letters, digits, "
                    + "'.', '_' and '-'");
        }
        claim(target, operator);
        try {
            return copyInto(target, operator);
        } catch (ExecutionException | InterruptedException | TimeoutException | RuntimeException e) {
            // what was written stays in the topic, which a retry then finds not empty: delete it first
            claims.deleteOne(Filters.eq("_id", target));
            throw e;
        }
    }

    private Republished copyInto(String target, String operator)
            throws ExecutionException, InterruptedException, TimeoutException {
        int partitions = emptyTopic(target);
        log.info("{} republishes the event store into topic {}", operator, target);
        CloudEventRecords records = new CloudEventRecords(eventSerializer, target);
        long aggregates = 0;
        long sent = 0;
        List<CompletableFuture<SendResult<String, byte[]>>> pending = new ArrayList<>();
        String previous = null;
        // the aggregates in id order, from the store's unique index, without holding them all
        for (Document event : events.find().projection(Projections.include(layout.aggregateIdentifierProperty()))
                .sort(Sorts.ascending(layout.aggregateIdentifierProperty(), layout.sequenceNumberProperty()))) {
            String aggregate = event.getString(layout.aggregateIdentifierProperty());
            if (aggregate.equals(previous)) {
                continue;
            }
            previous = aggregate;
            aggregates++;
            DomainEventStream stream = storedEvents.readEvents(aggregate, 0);
            while (stream.hasNext()) {
                pending.add(producer.send(records.toRecord(stream.next())));
                if (pending.size() >= BATCH) {
                    sent += acknowledged(pending);
                }
            }
        }
        sent += acknowledged(pending);
        claims.updateOne(Filters.eq("_id", target), Updates.combine(Updates.set("finishedAt", new Date()),
                Updates.set("events", sent)));
        log.info("Republished {} events of {} aggregates from the event store into topic {}", sent, aggregates,
                target);
        return new Republished(target, partitions, aggregates, sent);
    }

    private void claim(String target, String operator) {
        try {
            claims.insertOne(new Document("_id", target).append("by", operator).append("startedAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = claims.find(Filters.eq("_id", target)).first();
            throw new IllegalTransitionException("topic " + target + " is being or was republished (" + existing
                    + "): the event store is republished once into an empty topic");
        }
    }

    /** Its producer goes with it. */
    @Override
    public void destroy() {
        producers.destroy();
    }

    private static long acknowledged(List<CompletableFuture<SendResult<String, byte[]>>> pending)
            throws ExecutionException, InterruptedException, TimeoutException {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long count = pending.size();
        pending.clear();
        return count;
    }

    /** Creates the target like the governance topic, or checks that the existing one is empty: its partitions. */
    private int emptyTopic(String target) throws ExecutionException, InterruptedException, TimeoutException {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            NewTopic created = TopicBuilder.name(target).partitions(topic.partitions())
                    .replicas(topic.replicationFactor())
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                    .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                    .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxRecordBytes()))
                    .build();
            try {
                client.createTopics(List.of(created)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return created.numPartitions();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription existing = client.describeTopics(List.of(target)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(target);
            List<TopicPartition> partitions = existing.partitions().stream()
                    .map(partition -> new TopicPartition(target, partition.partition())).toList();
            long records = size(client, partitions);
            if (records > 0) {
                throw new IllegalTransitionException("topic " + target + " holds " + records + " records: the "
                        + "event store is republished into an empty topic only");
            }
            if (partitions.size() != topic.partitions()) {
                throw new IllegalTransitionException("topic " + target + " has " + partitions.size()
                        + " partitions, the governance topic's configuration " + topic.partitions() + ": its keys "
                        + "would land in other partitions");
            }
            return partitions.size();
        }
    }

    private static long size(AdminClient client, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = client.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = client.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return partitions.stream().mapToLong(p -> latest.get(p).offset() - earliest.get(p).offset()).sum();
    }
}
