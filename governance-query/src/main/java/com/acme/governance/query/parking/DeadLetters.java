package com.acme.governance.query.parking;

import com.acme.governance.query.ingestion.ParkCategory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where parked records are published for anyone outside this service to see: the dead-letter topic. */
public interface DeadLetters {

    String REASON = "dlt-reason";
    String CATEGORY = "dlt-category";
    String ORIGINAL_TOPIC = "dlt-original-topic";
    String ORIGINAL_PARTITION = "dlt-original-partition";
    String ORIGINAL_OFFSET = "dlt-original-offset";
    String HELD_BEHIND = "dlt-held-behind";
    String PARKED_AT = "dlt-parked-at";

    /**
     * Publishes the record unchanged (key, headers, value) plus the {@code dlt-*} headers, and returns once the
     * broker acknowledged it; throws otherwise, so that the record is retried rather than parked unseen.
     *
     * @param heldBehind the parked record this one waits behind, or null
     */
    void publish(ConsumerRecord<String, byte[]> record, ParkCategory category, String reason, String heldBehind);
}
