package com.acme.governance.command.access.provisioning;

import com.acme.governance.command.access.RecordAccessDeprovisioned;
import com.acme.governance.command.access.RecordAccessDriftRepaired;
import com.acme.governance.command.access.RecordAccessProvisioned;
import com.acme.governance.command.access.RecordProvisioningFailed;
import com.acme.governance.command.access.drift.RecordAclDrift;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

import java.util.ArrayList;
import java.util.List;

/** The provisioner's and the reconciler's commands, recorded instead of handled; the next one can be made to fail. */
final class RecordingCommands {

    final List<Object> recorded = new ArrayList<>();
    private RuntimeException nextFailure;
    final CommandGateway gateway;

    RecordingCommands() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> command : List.of(RecordAccessProvisioned.class, RecordAccessDeprovisioned.class,
                RecordProvisioningFailed.class, RecordAccessDriftRepaired.class, RecordAclDrift.class)) {
            bus.subscribe(command.getName(), message -> {
                if (nextFailure != null) {
                    RuntimeException failure = nextFailure;
                    nextFailure = null;
                    throw failure;
                }
                recorded.add(message.getPayload());
                return 0L;
            });
        }
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    void failNext(RuntimeException failure) {
        nextFailure = failure;
    }

    <T> List<T> of(Class<T> type) {
        return recorded.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
