package com.acme.governance.command.processing;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Health component {@code eventProcessors}: every streaming event processor of the command side (the relay, the
 * policy catalog, the sagas, the ACL provisioner), whether it runs, whether it is in error, and per segment claimed
 * here whether the store holds events it has not handled yet, with the oldest one's time.
 *
 * <p>UP while every processor runs, caught up or not: working through a backlog after a burst is normal load, not a
 * failure. DOWN while one is stopped, or in error, retrying the same event with back-off (none of these processors
 * skips an event): whatever it feeds, Kafka, the catalog, the grants' ACLs, stops moving until an operator or the
 * retry fixes it. Deliberately not in the readiness group: commands are still taken and stored meanwhile, and every
 * instance shares the same stuck event, so taking instances out of rotation would help nobody.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<Map<String, EventProcessor>> processors;
    private final UnprocessedEvents unprocessed;

    public EventProcessorsHealthIndicator(Supplier<Map<String, EventProcessor>> processors,
                                          UnprocessedEvents unprocessed) {
        super("event processors could not be looked at");
        this.processors = processors;
        this.unprocessed = unprocessed;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean failing = false;
        for (Map.Entry<String, EventProcessor> processor : new TreeMap<>(processors.get()).entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor streaming) {
                ProcessorStatus status = ProcessorStatus.of(processor.getKey(), streaming, unprocessed);
                failing |= status.failing();
                builder.withDetail(status.name(), status.details());
            }
        }
        if (failing) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
