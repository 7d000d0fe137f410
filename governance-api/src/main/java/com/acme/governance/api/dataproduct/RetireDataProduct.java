package com.acme.governance.api.dataproduct;

import com.acme.governance.api.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetireDataProduct(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotBlank @Size(max = Limits.REASON) String reason) {
}
