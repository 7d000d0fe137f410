package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The grant ended (revoked, expired, closed with its product) and its ACLs are gone from the cluster, but for those
 * another active grant of the team still implies.
 *
 * @param removed the bindings deleted
 * @param kept    the grant's bindings left in place because another active grant implies them too
 */
@EventType("governance.access-grant.deprovisioned")
@Revision("1")
public record AccessDeprovisioned(String requestId, DataProductId dataProductId, String consumerTeam,
                                  List<KafkaAclBinding> removed, List<KafkaAclBinding> kept) {

    public AccessDeprovisioned {
        removed = removed == null ? List.of() : List.copyOf(removed);
        kept = kept == null ? List.of() : List.copyOf(kept);
    }
}
