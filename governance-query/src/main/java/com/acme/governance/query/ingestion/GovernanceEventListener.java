package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.IngestionProperties;
import com.acme.governance.query.config.QueryProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Consumes the governance topic a poll at a time. The poll's records are applied to the read models as one batch of
 * bulk writes where they can be ({@link ProjectionDispatcher#applyTogether}); else they are applied (or parked) one
 * by one, different aggregates side by side and each aggregate's in order ({@link AggregateParallelism}); only then is each
 * partition's next offset stored with the read models ({@link ConsumerPositions}), once per poll, up to the first
 * record that failed. On assignment the consumer seeks to that stored position, never to Kafka's committed offset,
 * which may be ahead of what the store really kept. A record that fails is handed to the container's error handler
 * ({@link BatchListenerFailedException} names it), which delivers it again with what follows it, never skipping it.
 */
@Component("queryGovernanceEventListener")
public class GovernanceEventListener implements ConsumerSeekAware, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GovernanceEventListener.class);
    private static final Duration LOOKUP_RETRY = Duration.ofMillis(500);

    private final RecordDecoder decoder;
    private final ProjectionDispatcher dispatcher;
    private final ConsumerPositions positions;
    private final Parking parking;
    private final ProjectionStallMonitor stalls;
    private final String group;
    private final Duration positionLookup;
    private final AggregateParallelism parallelism;

    @Autowired
    public GovernanceEventListener(RecordDecoder decoder, ProjectionDispatcher dispatcher, ConsumerPositions positions,
                                   Parking parking, ProjectionStallMonitor stalls, QueryProperties query,
                                   IngestionProperties ingestion) {
        this(decoder, dispatcher, positions, parking, stalls, query.consumerGroup(), ingestion.positionLookup(),
                new AggregateParallelism(ingestion.parallelism(), "query-ingestion"));
    }

    public GovernanceEventListener(RecordDecoder decoder, ProjectionDispatcher dispatcher, ConsumerPositions positions,
                                   Parking parking, ProjectionStallMonitor stalls, String group,
                                   Duration positionLookup, AggregateParallelism parallelism) {
        this.parallelism = parallelism;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.positions = positions;
        this.parking = parking;
        this.stalls = stalls;
        this.group = group;
        this.positionLookup = positionLookup;
    }

    @KafkaListener(id = "queryGovernanceEventsListener", idIsGroup = false, batch = "true",
            topics = "${governance.kafka.topic:governance.events}",
            containerFactory = "queryKafkaListenerContainerFactory")
    public void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        Queue<Runnable> afterRecorded = new ConcurrentLinkedQueue<>();
        Optional<Runnable> together = appliedTogether(records);
        together.ifPresent(afterRecorded::add);
        AggregateParallelism.Outcome outcome = together.isPresent()
                ? new AggregateParallelism.Outcome(records.size(), null)
                : parallelism.run(records, record -> apply(record, afterRecorded));
        List<ConsumerRecord<String, byte[]>> applied = records.subList(0, outcome.applied());
        try {
            // After every read-model write of these records: a crash before it applies them again, idempotently.
            recordPositions(applied);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("the positions of " + applied.size() + " applied record(s) were "
                    + "not stored", e, 0);
        }
        afterRecorded.forEach(Runnable::run);
        applied.forEach(record -> stalls.applied(partitionOf(record), record.offset()));
        if (outcome.failure() != null) {
            throw new BatchListenerFailedException(outcome.failure().getMessage(), outcome.failure(),
                    outcome.applied());
        }
    }

    /** One record, as a poll of that record alone; its failure is thrown as it is. */
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        try {
            onRecords(List.of(record));
        } catch (BatchListenerFailedException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The poll as one batch of bulk writes (ADR 0042) when none of its records is parked or to be parked; empty
     * when it was not applied that way, and then its records are applied one by one.
     */
    private Optional<Runnable> appliedTogether(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() < 2) {
            return Optional.empty();
        }
        return decoder.decodeAll(records, record -> parking.holdingRecordOf(RecordDecoder.aggregateIdOf(record),
                partitionOf(record)).isPresent()).flatMap(dispatcher::applyTogether);
    }

    private void apply(ConsumerRecord<String, byte[]> record, Queue<Runnable> afterRecorded) {
        decodedOrParked(record, partitionOf(record)).map(dispatcher::apply).ifPresent(afterRecorded::add);
    }

    /** The next offset of each partition, past the last of its records given. */
    private void recordPositions(List<ConsumerRecord<String, byte[]>> applied) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : applied) {
            next.merge(partitionOf(record), record.offset() + 1, Math::max);
        }
        next.forEach((partition, offset) -> positions.advance(group, partition, offset));
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** The record's event; empty when it is parked instead (undecodable, or behind a parked record). */
    private Optional<IncomingEvent> decodedOrParked(ConsumerRecord<String, byte[]> record, TopicPartition partition) {
        String aggregateId = RecordDecoder.aggregateIdOf(record);
        Optional<String> holding = parking.holdingRecordOf(aggregateId, partition);
        if (holding.isPresent()) {
            parking.parkBehind(record, aggregateId, holding.get());
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(record));
        } catch (UndecodableRecordException e) {
            parking.park(record, aggregateId, e);
            return Optional.empty();
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        for (Map.Entry<TopicPartition, Long> assignment : assignments.entrySet()) {
            TopicPartition partition = assignment.getKey();
            OptionalLong stored = storedPosition(partition);
            if (stored.isPresent()) {
                callback.seek(partition.topic(), partition.partition(), stored.getAsLong());
                log.info("{} resumes at offset {}, from the position stored with the read models (Kafka's committed "
                        + "position was {})", partition, stored.getAsLong(), assignment.getValue());
            } else {
                callback.seekToBeginning(partition.topic(), partition.partition());
                log.info("{} has no position stored with the read models: consuming it from the beginning", partition);
            }
        }
        parking.assigned(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        stalls.forget(partitions);
    }

    /**
     * Retries MongoDB for a while; if it stays unreachable, the beginning of the partition is where to go: slower,
     * but always correct, since every projection is idempotent. Never Kafka's committed offset.
     */
    private OptionalLong storedPosition(TopicPartition partition) {
        long deadline = System.nanoTime() + positionLookup.toNanos();
        while (true) {
            try {
                return positions.resumeAt(group, partition);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    log.warn("Cannot read the stored position of {} ({}): consuming it from the beginning",
                            partition, e.getMessage());
                    return OptionalLong.empty();
                }
                log.debug("Stored position of {} not readable yet: {}", partition, e.getMessage());
                try {
                    Thread.sleep(LOOKUP_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return OptionalLong.empty();
                }
            }
        }
    }

    @Override
    public void destroy() {
        parallelism.close();
    }
}
