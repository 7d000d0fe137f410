package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.IngestionProperties;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the records that fail to apply. The container retries such a record with back-off and never skips it
 * (a skipped event is a corrupt read model), which also means its partition waits behind it: a gap whose missing
 * event never comes, or a store that stays unwritable, would stall that partition for good. Once one record has
 * kept failing for longer than {@code governance.query.ingestion.stall-threshold}, its partition is reported
 * stalled: the {@code projections} health contributor (in the readiness group) goes DOWN naming partition, offset,
 * aggregate and reason, the gauge {@code governance.projection.stalled} counts it, and one ERROR line says so.
 * It recovers by itself the moment the record applies.
 */
@Component("queryProjectionStallMonitor")
public class ProjectionStallMonitor implements RetryListener {

    public static final String STALLED_GAUGE = "governance.projection.stalled";
    public static final String RETRIES_COUNTER = "governance.projection.retries";

    private static final Logger log = LoggerFactory.getLogger(ProjectionStallMonitor.class);

    private final Map<TopicPartition, Failure> failing = new ConcurrentHashMap<>();
    private final Duration threshold;
    private final Clock clock;
    private final Counter retries;

    @Autowired
    public ProjectionStallMonitor(IngestionProperties properties, MeterRegistry meters) {
        this(properties.stallThreshold(), meters, Clock.systemUTC());
    }

    public ProjectionStallMonitor(Duration threshold, MeterRegistry meters, Clock clock) {
        this.threshold = threshold;
        this.clock = clock;
        this.retries = Counter.builder(RETRIES_COUNTER)
                .description("Failed attempts to apply a record of the event topic; each is retried, never skipped")
                .register(meters);
        Gauge.builder(STALLED_GAUGE, this, monitor -> monitor.stalled().size())
                .description("Partitions of the event topic whose next record has failed to apply for longer than "
                        + "the stall threshold")
                .register(meters);
    }

    /** One failing record of a partition, since its first failure. */
    public record Failure(TopicPartition partition, long offset, String aggregateId, String eventId, String type,
                          String reason, Instant since, int attempts, boolean reported) {

        Failure again(String latestReason) {
            return new Failure(partition, offset, aggregateId, eventId, type, latestReason, since, attempts + 1, reported);
        }

        Failure markReported() {
            return new Failure(partition, offset, aggregateId, eventId, type, reason, since, attempts, true);
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception cause, int deliveryAttempt) {
        retries.increment();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String reason = reason(cause);
        Failure failure = failing.compute(partition, (key, existing) -> {
            if (existing != null && existing.offset() == record.offset()) {
                return existing.again(reason);
            }
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, byte[]> typed = (ConsumerRecord<String, byte[]>) record;
            Optional<CloudEvent> cloudEvent = KafkaCloudEvents.tryRead(record);
            return new Failure(partition, record.offset(), RecordDecoder.aggregateIdOf(typed),
                    cloudEvent.map(CloudEvent::getId).orElse(null), cloudEvent.map(CloudEvent::getType).orElse(null),
                    reason, clock.instant(), 1, false);
        });
        if (failure.attempts() == 1) {
            log.warn("Record {}@{} (aggregate {}, event {}) failed to apply; retrying with back-off, never skipping it: {}",
                    partition, record.offset(), failure.aggregateId(), failure.eventId(), reason, cause);
        } else {
            log.debug("Record {}@{} failed again (attempt {}): {}", partition, record.offset(), failure.attempts(), reason);
        }
        reportNewStalls();
    }

    /** The record at {@code offset} of {@code partition} applied (or was parked): anything failing before it is over. */
    public void applied(TopicPartition partition, long offset) {
        if (failing.isEmpty()) {
            return;
        }
        Failure[] over = new Failure[1];
        failing.computeIfPresent(partition, (key, failure) -> {
            if (offset < failure.offset()) {
                return failure;
            }
            over[0] = failure;
            return null;
        });
        Failure failure = over[0];
        if (failure != null) {
            if (failure.reported()) {
                log.warn("Projection RECOVERED on {}: the record at offset {} (aggregate {}) applied after {} attempts "
                                + "over {}", partition, failure.offset(), failure.aggregateId(), failure.attempts() + 1,
                        Duration.between(failure.since(), clock.instant()).withNanos(0));
            } else {
                log.info("Record {}@{} (aggregate {}) applied after {} failed attempts", partition, failure.offset(),
                        failure.aggregateId(), failure.attempts());
            }
        }
    }

    /** The partitions are no longer ours (rebalance): their new owner reports them. */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(failing::remove);
    }

    /** Records failing for longer than the threshold, one per partition, oldest first. */
    public List<Failure> stalled() {
        reportNewStalls();
        Instant now = clock.instant();
        return failing.values().stream()
                .filter(failure -> isStalled(failure, now))
                .sorted(Comparator.comparing(Failure::since))
                .toList();
    }

    /** Records failing now but not yet for long enough to count as stalled. */
    public List<Failure> retrying() {
        Instant now = clock.instant();
        return failing.values().stream().filter(failure -> !isStalled(failure, now)).toList();
    }

    public Duration threshold() {
        return threshold;
    }

    private boolean isStalled(Failure failure, Instant now) {
        return Duration.between(failure.since(), now).compareTo(threshold) >= 0;
    }

    private void reportNewStalls() {
        Instant now = clock.instant();
        for (TopicPartition partition : failing.keySet()) {
            Failure[] newlyReported = new Failure[1];
            failing.computeIfPresent(partition, (key, failure) -> {
                if (failure.reported() || !isStalled(failure, now)) {
                    return failure;
                }
                newlyReported[0] = failure;
                return failure.markReported();
            });
            Failure failure = newlyReported[0];
            if (failure != null) {
                log.error("Projection STALLED on {} at offset {}: aggregate {}, event {} ({}) has failed to apply for {} "
                                + "({} attempts), last reason: {}. The partition waits for it and keeps retrying; the "
                                + "readiness health is DOWN until it applies.",
                        partition, failure.offset(), failure.aggregateId(), failure.eventId(), failure.type(),
                        Duration.between(failure.since(), now).withNanos(0), failure.attempts(), failure.reason());
            }
        }
    }

    private static String reason(Throwable cause) {
        Throwable reason = cause;
        while (reason instanceof ListenerExecutionFailedException && reason.getCause() != null) {
            reason = reason.getCause();
        }
        String message = reason.getMessage();
        return reason.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
