package com.acme.governance.api.access;

import com.acme.governance.api.Limits;
import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.DataProductId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A team asks for READ access to a data product, for a purpose and a number of days. */
public record RequestAccess(
        @NotNull @TargetAggregateIdentifier AccessRequestId requestId,
        @NotNull DataProductId dataProductId,
        @NotNull TeamName consumerTeam,
        @Size(max = Limits.PURPOSE) String purpose,
        @Min(1) @Max(Limits.MAX_GRANT_DAYS) int durationDays) {
}
