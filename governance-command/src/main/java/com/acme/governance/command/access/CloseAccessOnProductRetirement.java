package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: the product of this request was retired; a pending request is rejected, an active grant revoked.
 *
 * @param retirementEventId the id of the {@code DataProductRetired} event: the decision the closure is caused by
 */
public record CloseAccessOnProductRetirement(@TargetAggregateIdentifier AccessRequestId requestId, String reason,
                                             String retirementEventId) {
}
