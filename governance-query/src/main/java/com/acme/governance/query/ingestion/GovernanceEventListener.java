package com.acme.governance.query.ingestion;

import com.acme.governance.api.audit.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the governance topic. Returning normally commits the record's offset (AckMode.RECORD); throwing hands
 * the record to the container's error handler, which retries it and never skips it.
 */
@Component("queryGovernanceEventListener")
public class GovernanceEventListener {

    private static final Logger log = LoggerFactory.getLogger(GovernanceEventListener.class);

    private final IncomingEventReader reader;
    private final ProjectionDispatcher dispatcher;

    public GovernanceEventListener(IncomingEventReader reader, ProjectionDispatcher dispatcher) {
        this.reader = reader;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "queryGovernanceEventsListener", idIsGroup = false,
            topics = "${governance.kafka.topic:governance.events}",
            containerFactory = "queryKafkaListenerContainerFactory")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = reader.read(record);
        } catch (MalformedEventException e) {
            if (isPublished(e.type())) {
                throw e; // one of ours and unreadable: retried, never dropped
            }
            log.error("Skipping a record that is not a readable governance event (type {}): {}", e.type(), e.getMessage());
            return;
        }
        dispatcher.dispatch(event);
    }

    private static boolean isPublished(String type) {
        return type != null && EventCatalog.classOf(type).isPresent();
    }
}
