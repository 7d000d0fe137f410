package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The reconciler found ACL bindings on managed topics and group prefixes that no active grant implies: access that
 * governance did not decide. Recorded in the drift ledger ({@code AclDrift}, one stream) whenever the set found
 * changes, including to empty once it is gone.
 *
 * @param unexpected each binding as "principal operation resource name (pattern) permission from host"
 * @param removed    whether the reconciler deleted them ({@code governance.command.kafka-acls.remove-unexpected})
 */
@EventType("governance.acl-drift.detected")
@Revision("1")
public record AccessDriftDetected(List<String> unexpected, boolean removed) {

    public AccessDriftDetected {
        unexpected = unexpected == null ? List.of() : List.copyOf(unexpected);
    }
}
