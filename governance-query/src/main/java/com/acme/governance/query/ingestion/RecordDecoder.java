package com.acme.governance.query.ingestion;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a record of the event topic is an event this version can apply, before any projection sees it:
 * the envelope is read, the type must be in the EventCatalog and the payload must read as that type's record. Any
 * failure is deterministic (decoding the same bytes again gives the same answer), so it is parked rather than
 * retried; only a new release (an unknown type) or an operator (junk that is no event) can change the outcome.
 */
@Component("queryRecordDecoder")
public class RecordDecoder {

    private final IncomingEventReader reader;
    private final EventPayloads payloads;

    public RecordDecoder(IncomingEventReader reader, EventPayloads payloads) {
        this.reader = reader;
        this.payloads = payloads;
    }

    /** @throws UndecodableRecordException naming the category and the reason */
    public IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = reader.read(record);
        } catch (RuntimeException e) {
            throw new UndecodableRecordException(ParkCategory.UNDECODABLE, e.getMessage(), e);
        }
        Class<?> eventClass = event.eventClass().orElseThrow(() -> new UndecodableRecordException(
                ParkCategory.UNKNOWN_TYPE, "type " + event.type() + " of " + event.describe()
                + " is not in the EventCatalog of this version (a newer producer?)", null));
        try {
            payloads.read(event, eventClass);
        } catch (RuntimeException e) {
            throw new UndecodableRecordException(ParkCategory.UNDECODABLE, e.getMessage(), e);
        }
        return event;
    }

    /**
     * The events of all the records, in their order, for applying them as one batch; empty when any of them is
     * undecodable or {@code held} (its aggregate waits behind a parked record), as then they are applied one by one.
     */
    public Optional<List<IncomingEvent>> decodeAll(List<ConsumerRecord<String, byte[]>> records,
                                                   Predicate<ConsumerRecord<String, byte[]>> held) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (held.test(record)) {
                return Optional.empty();
            }
            try {
                events.add(decode(record));
            } catch (UndecodableRecordException e) {
                return Optional.empty();
            }
        }
        return Optional.of(events);
    }

    /**
     * The aggregate a record belongs to as far as its bytes tell: the CloudEvent's subject, else the record key (the
     * relay writes the aggregate id as both).
     */
    public static String aggregateIdOf(ConsumerRecord<String, byte[]> record) {
        Optional<String> subject = KafkaCloudEvents.tryRead(record).map(CloudEvent::getSubject)
                .filter(id -> !id.isEmpty());
        if (subject.isPresent()) {
            return subject.get();
        }
        return record.key() == null || record.key().isBlank() ? null : record.key();
    }
}
