package com.acme.governance.api.policy;

import com.acme.governance.api.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetirePolicy(@NotNull @TargetAggregateIdentifier String id, @Size(max = Limits.REASON) String reason) {
}
