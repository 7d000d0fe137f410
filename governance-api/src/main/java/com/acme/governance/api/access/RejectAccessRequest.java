package com.acme.governance.api.access;

import com.acme.governance.api.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectAccessRequest(@NotNull @TargetAggregateIdentifier AccessRequestId requestId,
                                  @NotBlank @Size(max = Limits.REASON) String reason) {
}
