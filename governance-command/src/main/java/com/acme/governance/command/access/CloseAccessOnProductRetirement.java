package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: the product of this request was retired; a pending request is rejected, an active grant revoked. */
public record CloseAccessOnProductRetirement(@TargetAggregateIdentifier AccessRequestId requestId, String reason) {
}
