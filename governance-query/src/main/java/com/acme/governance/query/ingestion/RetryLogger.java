package com.acme.governance.query.ingestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

import java.nio.charset.StandardCharsets;

/** Makes every failed delivery visible: the partition is stuck until the record applies, operators must know. */
public class RetryLogger implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(RetryLogger.class);

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception cause, int deliveryAttempt) {
        log.error("Governance event {} ({}) at {}-{}@{} failed to project (attempt {}); the partition waits and "
                        + "retries with back-off until it applies",
                header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE), record.topic(), record.partition(),
                record.offset(), deliveryAttempt, cause);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
