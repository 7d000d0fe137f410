package com.acme.governance.command.access.web;

import jakarta.validation.constraints.NotNull;

record RequestAccessRequest(@NotNull String dataProductId, String consumerTeam, String purpose,
                            @NotNull Integer durationDays) {
}
