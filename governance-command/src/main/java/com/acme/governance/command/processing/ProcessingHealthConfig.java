package com.acme.governance.command.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event processors' health, read from the application's own event storage. */
@Configuration
public class ProcessingHealthConfig {

    /**
     * Named "eventProcessors" in /actuator/health. The relay tracks the same documents through a store of its own
     * without upcasters; whether an event lies beyond a token does not depend on upcasting, so one storage serves all.
     */
    @Bean("eventProcessors")
    EventProcessorsHealthIndicator commandEventProcessorsHealth(EventProcessingConfiguration eventProcessing,
                                                                EventStorageEngine eventStorageEngine) {
        return new EventProcessorsHealthIndicator(eventProcessing::eventProcessors,
                new UnprocessedEvents(eventStorageEngine));
    }
}
