package com.acme.governance.command.audit;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.HashChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seals every aggregate event into its aggregate's hash chain as it is appended, so the chain is fixed by the same
 * write that stores the event (the unique index rejects a competing append together with its hash). The head of
 * each chain is cached; a cache entry is trusted only if it is exactly the previous sequence number, otherwise the
 * previous event is read back from the store.
 */
public class HashChainingEventStorageEngine implements EventStorageEngine {

    private static final int CACHED_HEADS = 10_000;

    private final EventStorageEngine delegate;
    private final ObjectMapper objectMapper;
    private final AppendCheck appendCheck;
    private final Map<String, ChainHead> heads = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ChainHead> eldest) {
                    return size() > CACHED_HEADS;
                }
            });

    public HashChainingEventStorageEngine(EventStorageEngine delegate, ObjectMapper objectMapper) {
        this(delegate, objectMapper, AppendCheck.NONE);
    }

    /** @param appendCheck sees every sealed event before any of the batch is stored */
    public HashChainingEventStorageEngine(EventStorageEngine delegate, ObjectMapper objectMapper,
                                          AppendCheck appendCheck) {
        this.delegate = delegate;
        this.objectMapper = objectMapper;
        this.appendCheck = appendCheck;
    }

    private record ChainHead(long sequenceNumber, String hash) {
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, ChainHead> appended = new HashMap<>();
        List<EventMessage<?>> sealed = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
                String aggregateId = domainEvent.getAggregateIdentifier();
                long sequence = domainEvent.getSequenceNumber();
                ChainHead previousInBatch = appended.get(aggregateId);
                String previousHash = previousInBatch != null && previousInBatch.sequenceNumber() == sequence - 1
                        ? previousInBatch.hash()
                        : hashBefore(aggregateId, sequence);
                String hash = HashChain.hash(previousHash, AuditLinks.of(domainEvent, objectMapper));
                DomainEventMessage<?> sealedEvent = domainEvent.andMetaData(Map.of(AuditMetadata.PREVIOUS_HASH,
                        previousHash, AuditMetadata.HASH, hash));
                appendCheck.check(sealedEvent);
                sealed.add(sealedEvent);
                appended.put(aggregateId, new ChainHead(sequence, hash));
            } else {
                sealed.add(event);
            }
        }
        delegate.appendEvents(sealed);
        heads.putAll(appended);
    }

    private String hashBefore(String aggregateId, long sequence) {
        if (sequence == 0) {
            return "";
        }
        ChainHead cached = heads.get(aggregateId);
        if (cached != null && cached.sequenceNumber() == sequence - 1) {
            return cached.hash();
        }
        DomainEventStream stream = delegate.readEvents(aggregateId, sequence - 1);
        if (!stream.hasNext()) {
            throw new IllegalStateException("cannot chain event " + sequence + " of " + aggregateId
                    + ": its predecessor is not in the event store");
        }
        DomainEventMessage<?> previous = stream.next();
        Object hash = previous.getMetaData().get(AuditMetadata.HASH);
        if (previous.getSequenceNumber() != sequence - 1 || hash == null) {
            throw new IllegalStateException("event " + (sequence - 1) + " of " + aggregateId + " carries no hash");
        }
        return hash.toString();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
