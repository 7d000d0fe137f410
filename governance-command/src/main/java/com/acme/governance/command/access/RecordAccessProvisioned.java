package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.KafkaAclBinding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Internal, from the provisioner: the grant's ACLs now exist on the cluster.
 *
 * @param causeEventId the id of the event the provisioner acted on (the grant, or a drift repair's trigger)
 */
public record RecordAccessProvisioned(@TargetAggregateIdentifier AccessRequestId requestId,
                                      List<KafkaAclBinding> bindings, List<String> unmanagedPorts,
                                      String causeEventId) {
}
