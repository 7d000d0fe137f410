package com.acme.governance.command.access.web;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.dataproduct.DataProductId;
import jakarta.validation.constraints.NotNull;

import static com.acme.governance.command.web.BodyValues.typed;

record RequestAccessRequest(@NotNull String dataProductId, String consumerTeam, String purpose,
                            @NotNull Integer durationDays) {

    /** The body names the product and the team as strings; their values are checked here, naming the field. */
    RequestAccess toCommand(AccessRequestId requestId) {
        return new RequestAccess(requestId, typed("dataProductId", dataProductId, DataProductId::of),
                typed("consumerTeam", consumerTeam, TeamName::of), purpose, durationDays);
    }
}
