package com.acme.governance.api.dataproduct;

import com.acme.governance.api.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param replacedBy the product its consumers should move to; optional */
public record DeprecateDataProduct(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotBlank @Size(max = Limits.REASON) String reason,
        DataProductId replacedBy) {

    public DeprecateDataProduct(DataProductId id, String reason) {
        this(id, reason, null);
    }
}
