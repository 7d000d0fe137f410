package com.acme.governance.command.relay;

import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.command.audit.AppendCheck;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.charset.StandardCharsets;

/**
 * Refuses, before it is stored, any event whose Kafka record would exceed the one configured maximum. Measured on
 * the very record the relay would send, with the producer's own upper-bound estimate, so what is stored can always be
 * relayed: an event Kafka refuses would otherwise stop the relay, and every later event, for good.
 */
public final class RecordSizeLimit implements AppendCheck {

    private final CloudEventRecords records;
    private final int maxRecordBytes;

    public RecordSizeLimit(CloudEventRecords records, int maxRecordBytes) {
        this.records = records;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void check(DomainEventMessage<?> sealed) {
        int size = sizeOf(records.toRecord(sealed));
        if (size > maxRecordBytes) {
            throw new EventTooLargeException(EventCatalog.typeOf(sealed.getPayloadType()), size, maxRecordBytes);
        }
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    static int sizeOf(ProducerRecord<String, byte[]> record) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key, record.value(), record.headers().toArray());
    }
}
