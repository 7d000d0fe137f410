package com.acme.governance.api.dataproduct;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner team or a steward changes what the product's next contract versions must keep. */
public record ChangeCompatibilityMode(@NotNull @TargetAggregateIdentifier DataProductId id,
                                      @NotNull CompatibilityMode mode) {
}
