package com.acme.governance.command.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** What the relay got onto Kafka and when it last did: for its health and its metrics. */
public class RelayProgress {

    private final Clock clock;
    private final Counter relayed;
    private final AtomicReference<Instant> lastAcknowledged = new AtomicReference<>();
    private final AtomicReference<String> topicProblem = new AtomicReference<>();

    public RelayProgress(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.relayed = Counter.builder("governance.relay.events")
                .description("Events the relay got acknowledged by Kafka (at least once: a retried batch counts again)")
                .register(registry);
    }

    void acknowledged(int events) {
        if (events > 0) {
            relayed.increment(events);
            lastAcknowledged.set(clock.instant());
        }
    }

    void topicAccepted() {
        topicProblem.set(null);
    }

    void topicRefused(String reason) {
        topicProblem.set(reason);
    }

    /** Why the topic cannot take the events the command side accepts; null when it can (or was not checked yet). */
    public String topicProblem() {
        return topicProblem.get();
    }

    /** When Kafka last acknowledged a batch of this instance's relay; null if it never did. */
    public Instant lastAcknowledged() {
        return lastAcknowledged.get();
    }
}
