package com.acme.governance.api.access;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveAccessRequest(@NotNull @TargetAggregateIdentifier AccessRequestId requestId) {
}
