package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.KafkaAclBinding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Internal, from the reconciler: bindings of this grant were missing on the cluster and are created again. */
public record RecordAccessDriftRepaired(@TargetAggregateIdentifier AccessRequestId requestId,
                                        List<KafkaAclBinding> restored) {
}
