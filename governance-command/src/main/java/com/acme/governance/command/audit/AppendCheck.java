package com.acme.governance.command.audit;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A last check of an event exactly as it will be stored (sealed into its hash chain), before the append: throwing
 * refuses the whole append, so the command fails and nothing is recorded.
 */
@FunctionalInterface
public interface AppendCheck {

    AppendCheck NONE = event -> {
    };

    void check(DomainEventMessage<?> sealed);
}
