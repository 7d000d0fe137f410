package com.acme.governance.api.dataproduct;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishDataProduct(@NotNull @TargetAggregateIdentifier DataProductId id) {
}
