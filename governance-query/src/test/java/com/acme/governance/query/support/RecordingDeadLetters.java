package com.acme.governance.query.support;

import com.acme.governance.query.ingestion.ParkCategory;
import com.acme.governance.query.parking.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dead-letter topic in memory: what was published, with its category, reason and what it was held behind. */
public final class RecordingDeadLetters implements DeadLetters {

    public record Published(ConsumerRecord<String, byte[]> record, ParkCategory category, String reason,
                            String heldBehind) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    @Override
    public void publish(ConsumerRecord<String, byte[]> record, ParkCategory category, String reason, String heldBehind) {
        if (failure != null) {
            throw failure;
        }
        published.add(new Published(record, category, reason, heldBehind));
    }

    /** Every later publish throws this until {@code null} is set again. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public List<Published> published() {
        return List.copyOf(published);
    }
}
