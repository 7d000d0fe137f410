package com.acme.governance.query.parking;

import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.ParkCategory;
import com.acme.governance.query.ingestion.Parking;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.ingestion.RecordDecoder;
import com.acme.governance.query.ingestion.UndecodableRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parks what cannot be applied without stopping anything else: an undecodable record goes to the dead-letter topic
 * and to {@code parked_events}, and every later record of the same aggregate is parked behind it (category
 * {@code held-behind-parked}) so that the aggregate's order is kept; other aggregates keep applying. Nothing is
 * ever dropped: an operator lists the parked records and retries them, in log order per aggregate.
 *
 * <p>Which aggregates are held is cached per instance (filled from MongoDB when partitions are assigned, since only
 * the owner of a partition parks its records) and confirmed in MongoDB on every hit, because a retry may release
 * an aggregate through another instance.
 */
@Component("queryRecordParking")
public class RecordParking implements Parking {

    public static final String PARKED_GAUGE = "governance.projection.parked";
    public static final String PARKED_COUNTER = "governance.projection.parkings";

    private static final Logger log = LoggerFactory.getLogger(RecordParking.class);
    private static final int MAX_RETRY_ROUNDS = 10;
    private static final Duration COUNT_CACHE = Duration.ofSeconds(1);

    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final RecordDecoder decoder;
    private final ProjectionDispatcher dispatcher;
    private final Clock clock;
    private final MeterRegistry meters;
    /** aggregate id -> id of its first parked record */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    /** Assigned partitions whose held aggregates could not be read: every record of them asks MongoDB. */
    private final Set<TopicPartition> unverified = ConcurrentHashMap.newKeySet();
    private volatile long cachedCount;
    private volatile Instant countedAt = Instant.EPOCH;

    @Autowired
    public RecordParking(ParkedEvents parked, DeadLetters deadLetters, RecordDecoder decoder,
                         ProjectionDispatcher dispatcher, MeterRegistry meters) {
        this(parked, deadLetters, decoder, dispatcher, meters, Clock.systemUTC());
    }

    public RecordParking(ParkedEvents parked, DeadLetters deadLetters, RecordDecoder decoder,
                         ProjectionDispatcher dispatcher, MeterRegistry meters, Clock clock) {
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.meters = meters;
        this.clock = clock;
        Gauge.builder(PARKED_GAUGE, this, RecordParking::parkedCount)
                .description("Records of the event topic parked on the dead-letter topic, waiting for an operator")
                .register(meters);
    }

    @Override
    public Optional<String> holdingRecordOf(String aggregateId, TopicPartition partition) {
        if (aggregateId == null) {
            return Optional.empty();
        }
        if (!held.containsKey(aggregateId) && !unverified.contains(partition)) {
            return Optional.empty();
        }
        Optional<String> first = parked.firstOf(aggregateId);
        if (first.isEmpty()) {
            if (held.remove(aggregateId) != null) {
                log.info("Aggregate {} was released by a retry; its events apply again", aggregateId);
            }
        } else {
            held.put(aggregateId, first.get());
        }
        return first;
    }

    @Override
    public void park(ConsumerRecord<String, byte[]> record, String aggregateId, UndecodableRecordException cause) {
        String id = ParkedEvents.id(record);
        if (parked.exists(id)) {
            log.debug("{} is parked already (redelivered)", id);
        } else {
            deadLetters.publish(record, cause.category(), cause.getMessage(), null);
            parked.park(record, aggregateId, cause.category(), cause.getMessage(), null, clock.instant());
            count(cause.category());
            log.error("PARKED {} (aggregate {}) on the dead-letter topic, {}: {}. {}", id, aggregateId,
                    cause.category().code(), cause.getMessage(), aggregateId == null ? "It names no aggregate, so nothing "
                            + "is held behind it." : "Later events of " + aggregateId + " are held behind it until an "
                            + "operator retries (POST /api/v1/admin/parked-events/retry); other aggregates go on.");
        }
        if (aggregateId != null) {
            held.putIfAbsent(aggregateId, parked.firstOf(aggregateId).orElse(id));
        }
    }

    @Override
    public void parkBehind(ConsumerRecord<String, byte[]> record, String aggregateId, String first) {
        String id = ParkedEvents.id(record);
        if (id.equals(first) || parked.exists(id)) {
            log.debug("{} is parked already (redelivered)", id);
            return;
        }
        String reason = "held behind parked record " + first + " of aggregate " + aggregateId;
        deadLetters.publish(record, ParkCategory.HELD_BEHIND_PARKED, reason, first);
        parked.park(record, aggregateId, ParkCategory.HELD_BEHIND_PARKED, reason, first, clock.instant());
        // held again: a retry may have released the aggregate between the look-up and this parking
        held.putIfAbsent(aggregateId, parked.firstOf(aggregateId).orElse(id));
        count(ParkCategory.HELD_BEHIND_PARKED);
        log.warn("Held {} back: {}", id, reason);
    }

    @Override
    public void assigned(Collection<TopicPartition> partitions) {
        Map<String, String> heldOnPartitions;
        try {
            heldOnPartitions = parked.heldOn(partitions);
        } catch (RuntimeException e) {
            log.warn("Cannot read the held aggregates of {} ({}); each of their records asks MongoDB instead",
                    partitions, e.getMessage());
            unverified.addAll(partitions);
            return;
        }
        unverified.removeAll(partitions);
        held.putAll(heldOnPartitions);
        if (!heldOnPartitions.isEmpty()) {
            log.warn("{} aggregate(s) on {} are held behind parked records: {}", heldOnPartitions.size(), partitions,
                    heldOnPartitions.keySet());
        }
    }

    /** The outcome of a retry: how many records applied, and which stay parked. */
    public record RetryOutcome(int applied, int stillParked, List<String> released) {
    }

    /**
     * Decodes and applies the parked records again, per aggregate in log order: each that applies is removed; the
     * first that fails stays with its new reason and the aggregate's later ones stay held behind it. A record that
     * would leave a gap in its aggregate's stream is refused by the projections' sequence checks, so a retry never
     * applies anything out of order.
     *
     * @param aggregateId only this aggregate's records, or every parked record when null
     */
    public synchronized RetryOutcome retry(String aggregateId) {
        List<String> aggregates = aggregateId == null ? parked.aggregates() : List.of(aggregateId);
        int applied = 0;
        int stillParked = 0;
        List<String> released = new ArrayList<>();
        for (String aggregate : aggregates) {
            AggregateRetry outcome = retryAggregate(aggregate);
            applied += outcome.applied;
            stillParked += outcome.stillParked;
            if (outcome.stillParked == 0 && outcome.applied > 0 && aggregate != null) {
                held.remove(aggregate);
                // the partition's owner may have parked one more behind meanwhile: then it stays held
                Optional<String> parkedMeanwhile = parked.firstOf(aggregate);
                if (parkedMeanwhile.isPresent()) {
                    held.put(aggregate, parkedMeanwhile.get());
                } else {
                    released.add(aggregate);
                }
            }
        }
        countedAt = Instant.EPOCH;
        log.warn("Retry of parked records{}: {} applied, {} still parked, released {}",
                aggregateId == null ? "" : " of " + aggregateId, applied, stillParked, released);
        return new RetryOutcome(applied, stillParked, released);
    }

    private static final class AggregateRetry {
        int applied;
        int stillParked;
    }

    private AggregateRetry retryAggregate(String aggregateId) {
        AggregateRetry outcome = new AggregateRetry();
        // Rounds: the partition's owner may park one more record behind while this retry runs.
        for (int round = 0; round < MAX_RETRY_ROUNDS; round++) {
            List<Document> records = parked.ofAggregate(aggregateId);
            if (records.isEmpty()) {
                return outcome;
            }
            for (int i = 0; i < records.size(); i++) {
                Document document = records.get(i);
                String id = document.getString("_id");
                ConsumerRecord<String, byte[]> record = ParkedEvents.toRecord(document);
                try {
                    IncomingEvent event = decoder.decode(record);
                    dispatcher.dispatch(event);
                    parked.delete(id);
                    outcome.applied++;
                    log.info("Retried parked {} ({}): applied", id, event.describe());
                } catch (UndecodableRecordException e) {
                    stillFails(records, i, e.category(), e.getMessage());
                    outcome.stillParked += records.size() - i;
                    return outcome;
                } catch (RuntimeException e) {
                    stillFails(records, i, ParkCategory.ofCode(document.getString(ParkedEvents.CATEGORY)),
                            "retry failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    outcome.stillParked += records.size() - i;
                    return outcome;
                }
            }
        }
        outcome.stillParked += parked.ofAggregate(aggregateId).size();
        return outcome;
    }

    private void stillFails(List<Document> records, int failed, ParkCategory category, String reason) {
        Instant now = clock.instant();
        String failedId = records.get(failed).getString("_id");
        parked.failedAgain(failedId, category, reason, null, now);
        log.warn("Retried parked {}: still fails, stays parked: {}", failedId, reason);
        for (Document later : records.subList(failed + 1, records.size())) {
            parked.failedAgain(later.getString("_id"), ParkCategory.HELD_BEHIND_PARKED,
                    "held behind parked record " + failedId + " of aggregate " + later.getString(ParkedEvents.AGGREGATE_ID),
                    failedId, now);
        }
    }

    /**
     * Removes a parked record that is no governance event at all (category {@code undecodable}), so that the
     * events held behind it can be retried. It stays on the dead-letter topic. Records of a known or unknown event
     * type cannot be discarded: they are events, and the history never skips one.
     */
    public Document discard(String id, String operator) {
        Document document = parked.find(id).orElseThrow(() -> new ParkedEventNotFoundException(id));
        ParkCategory category = ParkCategory.ofCode(document.getString(ParkedEvents.CATEGORY));
        if (category != ParkCategory.UNDECODABLE) {
            throw new ParkedEventNotDiscardableException(id, category);
        }
        parked.discard(document, operator, clock.instant());
        countedAt = Instant.EPOCH;
        log.warn("Parked record {} (aggregate {}) discarded by {}; it stays on the dead-letter topic. Reason it was "
                + "parked: {}", id, document.getString(ParkedEvents.AGGREGATE_ID), operator,
                document.getString(ParkedEvents.REASON));
        return document;
    }

    /** How many records are parked, shared by every instance; cached for a second, the last value if MongoDB fails. */
    public long parkedCount() {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(COUNT_CACHE) >= 0) {
            try {
                cachedCount = parked.count();
                countedAt = now;
            } catch (RuntimeException e) {
                log.debug("Cannot count parked records: {}", e.getMessage());
            }
        }
        return cachedCount;
    }

    private void count(ParkCategory category) {
        countedAt = Instant.EPOCH;
        Counter.builder(PARKED_COUNTER).tag("category", category.code())
                .description("Records of the event topic parked, by category").register(meters).increment();
    }
}
