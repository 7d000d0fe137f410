package com.acme.governance.command.access.web;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.problem.InvalidInputException;
import jakarta.validation.constraints.NotNull;

record RequestAccessRequest(@NotNull String dataProductId, String consumerTeam, String purpose,
                            @NotNull Integer durationDays) {

    /** The body names the product as a string; its value is checked here, naming the body's field. */
    RequestAccess toCommand(AccessRequestId requestId) {
        DataProductId product;
        try {
            product = DataProductId.of(dataProductId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dataProductId", e.getMessage());
        }
        return new RequestAccess(requestId.value(), product, consumerTeam, purpose, durationDays);
    }
}
