package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.IngestionProperties;
import com.acme.governance.query.config.QueryProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Consumes the governance topic. Each record is applied to the read models (or parked), and only then is the
 * partition's next offset stored with the read models ({@link ConsumerPositions}); on assignment the consumer seeks
 * to that stored position, never to Kafka's committed offset, which may be ahead of what the store really kept.
 * Throwing hands the record to the container's error handler, which retries it and never skips it.
 */
@Component("queryGovernanceEventListener")
public class GovernanceEventListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(GovernanceEventListener.class);
    private static final Duration LOOKUP_RETRY = Duration.ofMillis(500);

    private final RecordDecoder decoder;
    private final ProjectionDispatcher dispatcher;
    private final ConsumerPositions positions;
    private final Parking parking;
    private final ProjectionStallMonitor stalls;
    private final String group;
    private final Duration positionLookup;

    @Autowired
    public GovernanceEventListener(RecordDecoder decoder, ProjectionDispatcher dispatcher, ConsumerPositions positions,
                                   Parking parking, ProjectionStallMonitor stalls, QueryProperties query,
                                   IngestionProperties ingestion) {
        this(decoder, dispatcher, positions, parking, stalls, query.consumerGroup(), ingestion.positionLookup());
    }

    public GovernanceEventListener(RecordDecoder decoder, ProjectionDispatcher dispatcher, ConsumerPositions positions,
                                   Parking parking, ProjectionStallMonitor stalls, String group,
                                   Duration positionLookup) {
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.positions = positions;
        this.parking = parking;
        this.stalls = stalls;
        this.group = group;
        this.positionLookup = positionLookup;
    }

    @KafkaListener(id = "queryGovernanceEventsListener", idIsGroup = false,
            topics = "${governance.kafka.topic:governance.events}",
            containerFactory = "queryKafkaListenerContainerFactory")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        // After every read-model write of the record: a crash before it re-applies the record, idempotently.
        Runnable recordPosition = () -> positions.advance(group, partition, record.offset() + 1);
        decodedOrParked(record, partition).ifPresentOrElse(event -> dispatcher.dispatch(event, recordPosition),
                recordPosition);
        stalls.applied(partition, record.offset());
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
}
