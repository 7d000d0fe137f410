package com.acme.governance.command.relay;

import com.acme.governance.edge.service.PeriodicTask;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How far the relay is behind the event store, as gauges: {@code governance.relay.pending} (events stored after the
 * relay's position, not yet on Kafka) and {@code governance.relay.oldest.pending.age} (seconds since the oldest of
 * them was stored). Measured by the instance that relays, from its tracking position (event time, to the
 * millisecond; an event that became visible late and that the sweep will send is not counted); the other instances
 * report NaN, so that {@code max} over the instances is the relay's lag.
 */
public class RelayLag extends PeriodicTask {

    static final String PENDING = "governance.relay.pending";
    static final String OLDEST_AGE = "governance.relay.oldest.pending.age";
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final EventProcessingConfiguration eventProcessing;
    private final MongoCollection<Document> events;
    private final EventEntryConfiguration layout;
    private volatile double pending = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;

    public RelayLag(EventProcessingConfiguration eventProcessing, MongoCollection<Document> events,
                    EventEntryConfiguration layout, MeterRegistry registry) {
        super("kafka-relay-lag");
        this.eventProcessing = eventProcessing;
        this.events = events;
        this.layout = layout;
        Gauge.builder(PENDING, this, lag -> lag.pending)
                .description("events in the store after the relay's position, not yet on Kafka (NaN where this "
                        + "instance does not relay)")
                .baseUnit("events").register(registry);
        Gauge.builder(OLDEST_AGE, this, lag -> lag.oldestAgeSeconds)
                .description("age of the oldest event not yet on Kafka, 0 when none (NaN where this instance does "
                        + "not relay)")
                .baseUnit("seconds").register(registry);
    }

    @Override
    protected Optional<Duration> delay() {
        return Optional.of(INTERVAL);
    }

    /** A failed measurement shows as NaN, not as the last value: a frozen age would hide a stalled relay. */
    @Override
    protected void runOnce() {
        try {
            measure();
        } catch (RuntimeException e) {
            pending = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            throw e;
        }
    }

    private void measure() {
        Optional<Instant> position = position();
        if (position.isEmpty()) {
            pending = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            return;
        }
        String timestamp = layout.timestampProperty();
        // as Axon writes timestamps (always with milliseconds), so that the text order is the time order
        Bson after = Filters.gt(timestamp, DateTimeUtils.formatInstant(position.get()));
        long count = events.countDocuments(after);
        Document oldest = count == 0 ? null : events.find(after).sort(Sorts.ascending(timestamp))
                .projection(Projections.include(timestamp)).first();
        pending = count;
        oldestAgeSeconds = oldest == null ? 0 : Math.max(0, Duration.between(
                Instant.parse(oldest.getString(timestamp)), GenericEventMessage.clock.instant()).toMillis() / 1000.0);
    }

    /** The relay's position in event time, when this instance relays; the start of time before its first event. */
    private Optional<Instant> position() {
        Collection<EventTrackerStatus> status = eventProcessing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> (Collection<EventTrackerStatus>) List.copyOf(processor.processingStatus().values()))
                .orElse(List.of());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(status.iterator().next().getTrackingToken());
        return Optional.of(token instanceof MongoTrackingToken mongo ? mongo.getTimestamp() : Instant.EPOCH);
    }
}
