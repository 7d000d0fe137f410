package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.KafkaAclBinding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Internal, from the provisioner: the ended grant's ACLs are removed, but for those another grant still implies.
 *
 * @param causeEventId the id of the event that ended the grant (revocation, expiry)
 */
public record RecordAccessDeprovisioned(@TargetAggregateIdentifier AccessRequestId requestId,
                                        List<KafkaAclBinding> removed, List<KafkaAclBinding> kept,
                                        String causeEventId) {
}
