package com.acme.governance.command.access.web;

import com.acme.governance.command.web.BodyValues;
import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.dataproduct.DataProductId;
import jakarta.validation.constraints.NotNull;

record RequestAccessRequest(@NotNull String dataProductId, String consumerTeam, String purpose,
                            @NotNull Integer durationDays) {

    /** The body names the product and the team as strings; their values are checked here, naming the field. */
    RequestAccess toCommand(AccessRequestId requestId) {
        BodyValues body = new BodyValues();
        return body.command(() -> new RequestAccess(requestId, body.typed("dataProductId", dataProductId,
                DataProductId::of), body.typed("consumerTeam", consumerTeam, TeamName::of), purpose, durationDays));
    }
}
