package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The reconciler found bindings of this active grant missing from the cluster (deleted behind the service's back,
 * or never created because provisioning failed) and created them again: from here on the access is in place.
 */
@EventType("governance.access-grant.drift-repaired")
@Revision("1")
public record AccessDriftRepaired(String requestId, DataProductId dataProductId, String consumerTeam,
                                  List<KafkaAclBinding> restored) {

    public AccessDriftRepaired {
        restored = restored == null ? List.of() : List.copyOf(restored);
    }
}
