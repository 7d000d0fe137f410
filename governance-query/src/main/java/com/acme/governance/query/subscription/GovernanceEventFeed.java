package com.acme.governance.query.subscription;

import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.RecordDecoder;
import com.acme.governance.query.ingestion.UndecodableRecordException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The events of the governance topic as they are published from now on, for the GraphQL subscriptions: one Kafka
 * consumer per instance, in a consumer group of its own (new at every start, nothing committed, each partition
 * from the first event published since the feed started), so that every instance sees every event whichever partitions its projections own, new partitions
 * included. A subscriber that cannot keep up loses its subscription (see {@code GovernanceEventsGraphQlController}),
 * never the feed of the others; an undecodable record is left to the live side's parking and not fed.
 */
public class GovernanceEventFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GovernanceEventFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RecordDecoder decoder;
    private final String topic;
    private final boolean autoStartup;
    private final Sinks.Many<IncomingEvent> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicLong fed = new AtomicLong();
    private volatile boolean running;
    private volatile Instant startedAt = Instant.now();
    private volatile Instant polledAt;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public GovernanceEventFeed(Supplier<Consumer<String, byte[]>> consumers, RecordDecoder decoder, String topic,
                               boolean autoStartup) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.topic = topic;
        this.autoStartup = autoStartup;
    }

    /** Every event published from the moment of subscription on, hot: nothing is replayed. */
    public Flux<IncomingEvent> events() {
        return sink.asFlux();
    }

    /** How many subscriptions follow the feed now. */
    public int subscriptions() {
        return sink.currentSubscriberCount();
    }

    /** How many events the feed passed on since it started. */
    public long eventsFed() {
        return fed.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        startedAt = Instant.now();
        polledAt = null;
        thread = new Thread(this::feed, "graphql-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void feed() {
        while (running) {
            try (Consumer<String, byte[]> opened = consumers.get()) {
                consumer = opened;
                opened.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // nothing is committed: the group is this instance's alone
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        fromWhereTheFeedLeftOff(opened, partitions);
                    }
                });
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : opened.poll(POLL)) {
                        emit(record);
                    }
                    polledAt = Instant.now();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The GraphQL event feed lost the event topic ({}); it reconnects, subscriptions miss what is "
                        + "published meanwhile", e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Each partition from the first event published since the feed started or, after it lost the topic, since it
     * last read it (less a margin for the clocks of the producers): not the end of the log as it is when the group
     * gets its partitions, which is later, and steps over what was published meanwhile (the topic's first events,
     * published as it was created, were seen to be missed that way).
     */
    private void fromWhereTheFeedLeftOff(Consumer<String, byte[]> opened, Collection<TopicPartition> partitions) {
        long since = (polledAt == null ? startedAt : polledAt.minus(CLOCK_MARGIN)).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        opened.offsetsForTimes(times).forEach((partition, found) -> {
            if (found == null) {
                opened.seekToEnd(List.of(partition));
            } else {
                opened.seek(partition, found.offset());
            }
        });
        log.info("The GraphQL event feed follows {} partitions of {}, from {}", partitions.size(), topic,
                Instant.ofEpochMilli(since));
    }

    private void emit(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = decoder.decode(record);
        } catch (UndecodableRecordException e) {
            log.debug("Not fed to subscriptions, undecodable: {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        fed.incrementAndGet();
        Sinks.EmitResult emitted = sink.tryEmitNext(event);
        log.debug("{} fed to {} subscriptions: {}", event.describe(), sink.currentSubscriberCount(), emitted);
    }

    private void pause() {
        try {
            Thread.sleep(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }
}
