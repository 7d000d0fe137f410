package com.acme.governance.query.ingestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Optional;

/**
 * Where the listener puts a record it cannot apply, and what it asks before applying one: whether the record's
 * aggregate is held behind one parked earlier. Declared here and implemented by the parking feature
 * ({@code parking.RecordParking}), which uses ingestion's decoder and dispatcher to retry: so ingestion never names
 * parking and the two do not depend on each other in a cycle.
 */
public interface Parking {

    /** The first parked record the aggregate's next event must wait behind, if the aggregate is held. */
    Optional<String> holdingRecordOf(String aggregateId, TopicPartition partition);

    /** Parks a record that cannot be decoded; the aggregate it names, if any, is held from now on. */
    void park(ConsumerRecord<String, byte[]> record, String aggregateId, UndecodableRecordException cause);

    /** Parks a record of a held aggregate behind the aggregate's first parked record. */
    void parkBehind(ConsumerRecord<String, byte[]> record, String aggregateId, String first);

    /** Partitions assigned to this instance: learn which of their aggregates are held. */
    void assigned(Collection<TopicPartition> partitions);
}
