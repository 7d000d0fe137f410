package com.acme.governance.command.relay;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Relays every stored event to Kafka, complete and in order per aggregate, at least once. It runs in a tracking
 * processor over the event store, a batch of events at a time: the events of a batch are sent without waiting, and
 * the last one waits until Kafka acknowledged them all and records how far each aggregate was relayed. Only then
 * does the processor store its position; any failure propagates to the processor, which retries the whole batch from
 * the same position with back-off. A Kafka outage therefore delays events but never loses one.
 *
 * <p>The store's global order is by timestamp, which several command instances may not agree on to the millisecond:
 * an aggregate's event can come before its predecessor, or the predecessor not at all. The relay then reads the
 * missing events of that aggregate from the store and sends them first, and skips those it already sent. An
 * aggregate's last event that tracking missed altogether has no successor to bring it: {@link #sweep} sends it
 * (ADR 0013). A batch and a sweep never interleave, so what one sends the other sees as relayed.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String BATCH = KafkaRelay.class.getName() + ".batch";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final CloudEventRecords records;
    private final GovernanceTopic topic;
    private final RelayedSequences relayedSequences;
    private final EventStore eventStore;
    private final Duration acknowledgementTimeout;
    private final ReentrantLock sending = new ReentrantLock();
    private final RelayProgress progress;

    public KafkaRelay(KafkaTemplate<String, byte[]> kafkaTemplate, CloudEventRecords records, GovernanceTopic topic,
                      RelayedSequences relayedSequences, EventStore eventStore, Duration acknowledgementTimeout,
                      RelayProgress progress) {
        this.kafkaTemplate = kafkaTemplate;
        this.records = records;
        this.topic = topic;
        this.relayedSequences = relayedSequences;
        this.eventStore = eventStore;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.progress = progress;
    }

    /** What one batch sent and how far it took each aggregate. */
    private static final class Batch {
        private final List<CompletableFuture<SendResult<String, byte[]>>> pending = new ArrayList<>();
        private final Map<String, Long> relayed = RelayedSequences.newBatch();
    }

    @EventHandler
    public void relay(EventMessage<?> event) throws ExecutionException, InterruptedException, TimeoutException {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = unitOfWork.root().getOrComputeResource(BATCH, key -> {
            sending.lock(); // held for the whole batch, released however the batch ends
            unitOfWork.root().onCleanup(done -> sending.unlock());
            return new Batch();
        });
        if (event instanceof DomainEventMessage<?> domainEvent) {
            topic.ensureExists();
            relayInOrder(domainEvent, batch);
        } else {
            // every decision is an aggregate's event; anything else is not part of the published language
            log.warn("Not relaying {}: it belongs to no aggregate", event.getPayloadType().getName());
        }
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            complete(batch);
        }
    }

    /**
     * Sends whatever is stored beyond what was relayed of these aggregates, in order, and records it: for an
     * aggregate's last events that tracking missed and that no later event of theirs will bring.
     *
     * @param storedHeads the last stored sequence number of each aggregate to look at
     * @return how many events it sent
     */
    public int sweep(Map<String, Long> storedHeads) throws ExecutionException, InterruptedException, TimeoutException {
        sending.lock();
        try {
            Batch batch = new Batch();
            storedHeads.forEach((aggregateId, head) -> {
                long last = relayedSequences.lastRelayed(aggregateId);
                if (head > last) {
                    topicReady();
                    DomainEventStream missing = eventStore.readEvents(aggregateId, last + 1);
                    while (missing.hasNext()) {
                        send(missing.next(), batch);
                    }
                }
            });
            int sent = batch.pending.size();
            if (sent > 0) {
                log.warn("Relayed {} events of {} aggregates that tracking had missed: {}", sent, batch.relayed.size(),
                        batch.relayed.keySet());
                complete(batch);
            }
            return sent;
        } finally {
            sending.unlock();
        }
    }

    private void complete(Batch batch) throws ExecutionException, InterruptedException, TimeoutException {
        CompletableFuture.allOf(batch.pending.toArray(CompletableFuture[]::new))
                .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        relayedSequences.record(batch.relayed);
        progress.acknowledged(batch.pending.size());
        batch.pending.clear();
        batch.relayed.clear();
    }

    /** Creates or checks the topic; a topic that would refuse what the command side accepts is reported in health. */
    void checkTopic() {
        try {
            topicReady();
            progress.topicAccepted();
        } catch (IllegalStateException e) {
            if (e.getCause() == null) { // the topic's own answer, not Kafka being unreachable
                progress.topicRefused(e.getMessage());
            }
            throw e;
        }
    }

    private void topicReady() {
        try {
            topic.ensureExists();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the governance topic is not ready", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void relayInOrder(DomainEventMessage<?> event, Batch batch) {
        String aggregateId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        long last = batch.relayed.containsKey(aggregateId) ? batch.relayed.get(aggregateId)
                : relayedSequences.lastRelayed(aggregateId);
        if (sequence <= last) {
            return;
        }
        if (sequence > last + 1) {
            log.info("Event {} of {} came before {} of its predecessors; relaying those first from the event store",
                    sequence, aggregateId, sequence - last - 1);
            DomainEventStream missing = eventStore.readEvents(aggregateId, last + 1);
            while (missing.hasNext() && missing.peek().getSequenceNumber() < sequence) {
                send(missing.next(), batch);
            }
        }
        send(event, batch);
    }

    private void send(DomainEventMessage<?> event, Batch batch) {
        batch.pending.add(kafkaTemplate.send(records.toRecord(event)));
        batch.relayed.put(event.getAggregateIdentifier(), event.getSequenceNumber());
    }
}
