package com.acme.governance.query.ingestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * The error handler's last resort, which must never be reached: the back-off never gives up. Should it ever be
 * called, it refuses, so the record is retried instead of being committed as handled.
 */
public class NeverSkipRecoverer implements ConsumerRecordRecoverer {

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception cause) {
        throw new IllegalStateException("Refusing to skip " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + ": a governance event that cannot be applied is retried, never dropped", cause);
    }
}
