package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.ProvisioningStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal, from the provisioner: a step could not be done after its retries. */
public record RecordProvisioningFailed(@TargetAggregateIdentifier AccessRequestId requestId, ProvisioningStep step,
                                       String reason, int attempts, String causeEventId) {
}
