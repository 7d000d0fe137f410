package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The grant's ACLs exist on the cluster: from here on the team can read the product's topics.
 *
 * @param bindings       every binding created (or found already there)
 * @param unmanagedPorts the addresses of the product's {@code KAFKA_TOPIC} ports that name no topic on the managed
 *                       cluster: reported, never guessed at
 */
@EventType("governance.access-grant.provisioned")
@Revision("1")
public record AccessProvisioned(String requestId, DataProductId dataProductId, String consumerTeam,
                                List<KafkaAclBinding> bindings, List<String> unmanagedPorts) {

    public AccessProvisioned {
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        unmanagedPorts = unmanagedPorts == null ? List.of() : List.copyOf(unmanagedPorts);
    }
}
