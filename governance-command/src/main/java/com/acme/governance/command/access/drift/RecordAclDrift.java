package com.acme.governance.command.access.drift;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Internal, from the reconciler: the bindings on managed resources that no active grant implies, as found now. */
public record RecordAclDrift(@TargetAggregateIdentifier String ledgerId, List<String> unexpected, boolean removed) {

    /** The one drift ledger of the cluster the service manages. */
    public static final String LEDGER = "kafka-acl-drift";

    public static RecordAclDrift of(List<String> unexpected, boolean removed) {
        return new RecordAclDrift(LEDGER, unexpected, removed);
    }
}
