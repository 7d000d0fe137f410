package com.acme.governance.query.ingestion;

/**
 * A read model fed by the event stream. Implementations must be idempotent: the stream is delivered at least
 * once and can be replayed from the start, so applying an event that was already applied changes nothing.
 * An event that cannot be applied yet (a gap in its aggregate's stream) must throw, so it is retried. Projections
 * choose their handling by event class through {@link EventHandlers}; {@code ProjectionContractTest} holds every one
 * of them to these rules.
 */
public interface Projection {

    void apply(IncomingEvent event);

    /**
     * Whether every read-model write of {@link #apply} goes through {@link SequencedDocuments} or
     * {@link IdempotentInsert}, and every read it makes sees what the same {@link ReadModelBatch} collected before:
     * then the events of a poll can be applied as one batch (ADR 0042).
     */
    default boolean writesInBatches() {
        return false;
    }
}
