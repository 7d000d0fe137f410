package com.acme.governance.query.ingestion;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A projection's handlers keyed by event class: an event of a class with a handler goes to it with its payload read
 * as that class, an event of a type this version does not know goes to the handler of unknown events when it belongs
 * to the projection's aggregate type, and any other event is not the projection's business.
 */
public final class EventHandlers {

    private final EventPayloads payloads;
    private final Map<Class<?>, BiConsumer<IncomingEvent, Object>> byClass;
    private final String aggregateType;
    private final Consumer<IncomingEvent> unknown;

    private EventHandlers(Builder builder) {
        this.payloads = builder.payloads;
        this.byClass = Map.copyOf(builder.byClass);
        this.aggregateType = builder.aggregateType;
        this.unknown = builder.unknown;
    }

    public static Builder with(EventPayloads payloads) {
        return new Builder(payloads);
    }

    public void handle(IncomingEvent event) {
        event.eventClass().ifPresentOrElse(eventClass -> {
            BiConsumer<IncomingEvent, Object> handler = byClass.get(eventClass);
            if (handler != null) {
                handler.accept(event, payloads.read(event, eventClass));
            }
        }, () -> {
            if (unknown != null && aggregateType.equals(event.aggregateType())) {
                unknown.accept(event);
            }
        });
    }

    public static final class Builder {

        private final EventPayloads payloads;
        private final Map<Class<?>, BiConsumer<IncomingEvent, Object>> byClass = new HashMap<>();
        private String aggregateType;
        private Consumer<IncomingEvent> unknown;

        private Builder(EventPayloads payloads) {
            this.payloads = Objects.requireNonNull(payloads, "payloads");
        }

        /** @param handler takes the event's envelope and its payload as {@code eventClass} */
        public <E> Builder on(Class<E> eventClass, BiConsumer<IncomingEvent, E> handler) {
            Objects.requireNonNull(handler, "handler");
            if (byClass.putIfAbsent(eventClass, (event, payload) -> handler.accept(event, eventClass.cast(payload))) != null) {
                throw new IllegalArgumentException("two handlers of " + eventClass.getSimpleName());
            }
            return this;
        }

        /** An event of {@code aggregateType} whose type is not in the EventCatalog of this version. */
        public Builder onUnknown(String aggregateType, Consumer<IncomingEvent> handler) {
            this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
            this.unknown = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(this);
        }
    }
}
