package com.acme.governance.query.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;

/**
 * A {@link MockConsumer} over a fixed partition log. A plain MockConsumer forgets records once polled, so seeking
 * back (what the error handler does to retry) would find nothing; this one offers the whole log on every poll and
 * lets the consumer's position decide what is returned, like a broker would. The log may hold records of several
 * partitions; those of a partition are offered once the consumer is assigned it.
 */
public final class ReplayableMockConsumer {

    private ReplayableMockConsumer() {
    }

    public static MockConsumer<String, byte[]> over(TopicPartition partition, List<ConsumerRecord<String, byte[]>> log) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        Runnable[] offerLog = new Runnable[1];
        offerLog[0] = () -> {
            // A MockConsumer refuses records of a partition it is not assigned (yet).
            log.stream().filter(record -> consumer.assignment()
                            .contains(new TopicPartition(record.topic(), record.partition())))
                    .forEach(consumer::addRecord);
            consumer.schedulePollTask(offerLog[0]);
        };
        consumer.schedulePollTask(offerLog[0]);
        return consumer;
    }
}
